from django import template

register = template.Library()


@register.inclusion_tag("forms/_error_summary.html")
def error_summary(*forms, title=""):
    """The box at the top of a page listing every error of `forms` (one page may hold two),
    each linking to its field: the first box of a checkbox or radio group, the input otherwise.
    `title` replaces the count as the heading."""
    errors = []
    for form in filter(None, forms):
        errors += [{"message": message} for message in form.non_field_errors()]
        for field in form:
            target = f"{field.auto_id}_0" if field.use_fieldset else field.id_for_label
            errors += [
                {"message": message, "label": field.label, "target": not field.is_hidden and target}
                for message in field.errors
            ]
    return {"errors": errors, "title": title}
