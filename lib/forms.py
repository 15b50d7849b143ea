"""How every form is rendered, and the one field more than one app writes with.

Django renders every field (`{{ form }}`, `{{ form.name.as_field_group }}`) with the templates
named here, set once in settings (FORM_RENDERER). Django itself ties help texts and errors to
their inputs (`aria-describedby`, `aria-invalid`): forms add no ARIA of their own.
"""

from django import forms
from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Our markup for every form: label, help and errors with each input, checkbox and radio
    groups as a fieldset with a legend (templates/forms/). Errors are listed at the top of the
    page by `{% error_summary %}` (lib/templatetags/error_summary.py)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class LongTextField(forms.CharField):
    """A text area whose length limit only the server checks: a browser's `maxlength` would
    silently cut a long paste, where the server's message says how long the text is."""

    widget = forms.Textarea

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs
