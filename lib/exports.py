"""Rows and files that leave the portal: what each app's `personal_data.export(user)` returns
(gathered by portal.personal_data)."""


def rows(queryset, *fields):
    """The rows of `queryset` as plain dicts of `fields` (lookups such as "thread__title")."""
    return list(queryset.values(*fields))
