from django import template

register = template.Library()


@register.inclusion_tag("workinggroup/_error_summary.html")
def error_summary(forms):
    """Every error of `forms`, each linking to its field, for the box at the top of the page."""
    errors = []
    for form in forms:
        for message in form.non_field_errors():
            errors.append({"target": "", "message": message})
        for field in form:
            target = f"{field.auto_id}_0" if field.use_fieldset else field.id_for_label
            errors.extend({"target": target, "message": m} for m in field.errors)
    return {"errors": errors}


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)
