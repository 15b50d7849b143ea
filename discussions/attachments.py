"""What a thread may be attached to: a promising practice or a recommendation.

A kind is available once Thread has a field of that name (see the attachment migration).
"""

from django.apps import apps

from discussions.models import Thread

KINDS = {
    "practice": "practices.PromisingPractice",
    "recommendation": "recommendations.Recommendation",
}


def available():
    """{kind: model} for the attachment fields Thread has."""
    fields = {field.name for field in Thread._meta.get_fields()}
    return {kind: apps.get_model(label) for kind, label in KINDS.items() if kind in fields}


def kind_of(obj):
    for kind, model in available().items():
        if isinstance(obj, model):
            return kind
    return None


def threads_about(obj):
    """The threads attached to `obj` (none when threads cannot be attached to its kind)."""
    kind = kind_of(obj)
    return Thread.objects.filter(**{kind: obj}) if kind else Thread.objects.none()


def with_attached_object(threads):
    """`threads` with what each is attached to, for attached_object() to read without a query."""
    return threads.select_related(*available())


def as_id(value):
    """The id a request parameter names, or None. ASCII digits only ("²" is a digit to
    str.isdigit but not to int()), and no longer than a bigint, so int() cannot fail."""
    if value and value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def from_request(request):
    """(kind, object) named by ?practice=<pk> or ?recommendation=<pk> (GET or POST), or None."""
    for kind, model in available().items():
        value = as_id(request.POST.get(kind) or request.GET.get(kind))
        if value is not None:
            objects = model.objects.all()
            # Only what members can open: a published practice, not a draft.
            if hasattr(objects, "published"):
                objects = objects.published()
            obj = objects.filter(pk=value).first()
            if obj is not None:
                return kind, obj
    return None


def as_fields(attached):
    return {attached[0]: attached[1]} if attached else {}


def attached_object(thread):
    """The practice or recommendation the thread belongs to (select_related it beforehand)."""
    for kind in available():
        obj = getattr(thread, kind)
        if obj is not None:
            return obj
    return None
