"""The tracker's pages. The rules are in schedule.py, the figures in summary.py, the exports in
exports.py; views load, check access and render."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from recommendations import exports, glance, permissions, schedule, summary
from recommendations.forms import StatusUpdateForm
from recommendations.models import (
    STATUS_DEFINITIONS,
    Actor,
    Follow,
    Horizon,
    Principle,
    Recommendation,
    Source,
    Status,
    StatusUpdate,
)

VIEWS = [
    ("grouped", gettext_lazy("Grouped by recommendation")),
    ("board", gettext_lazy("Now / Next / Later board")),
]


class TrackerFilters(forms.Form):
    """The tracker's filters: GET parameters, every one optional; unknown values are ignored."""

    view = forms.ChoiceField(label=gettext_lazy("Show"), choices=VIEWS, required=False)
    horizon = forms.ChoiceField(
        label=gettext_lazy("Horizon"),
        choices=[("", gettext_lazy("Any horizon")), *Horizon.choices],
        required=False,
    )
    actor = forms.ChoiceField(
        label=gettext_lazy("Lead actor"),
        choices=[("", gettext_lazy("Any lead actor")), *Actor.choices],
        required=False,
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status (from either voice)"),
        choices=[
            ("", gettext_lazy("Any status")),
            *Status.choices,
            (summary.NO_UPDATE, summary.STATUS_LABELS[summary.NO_UPDATE]),
        ],
        required=False,
    )
    principle = forms.ChoiceField(
        label=gettext_lazy("Principle"),
        choices=[("", gettext_lazy("Any principle")), *Principle.choices],
        required=False,
    )
    overdue = forms.BooleanField(label=gettext_lazy("Overdue only"), required=False)
    disagree = forms.BooleanField(
        label=gettext_lazy("Only where IRCC and the working group disagree"), required=False
    )

    def values(self):
        """The valid filters; a tampered parameter is dropped rather than failing the page."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    @staticmethod
    def match(item, wanted):
        if wanted.get("horizon") and item.horizon != wanted["horizon"]:
            return False
        if wanted.get("actor") and item.actor != wanted["actor"]:
            return False
        if wanted.get("principle") and item.principle != wanted["principle"]:
            return False
        status = wanted.get("status")
        if status == summary.NO_UPDATE and (item.ircc_status or item.wg_status):
            return False
        if (
            status
            and status != summary.NO_UPDATE
            and status not in (item.ircc_status, item.wg_status)
        ):
            return False
        if wanted.get("overdue") and not item.overdue:
            return False
        return not (wanted.get("disagree") and not item.disagree)


def _annotate(items, today):
    for item in items:
        item.overdue = schedule.is_overdue(item, today)
        item.stale = schedule.is_stale(item, today)
        item.disagree = schedule.voices_disagree(item)
    return items


def _describe(items):
    """Resolve every label and date an item card shows, once per request.

    The template engine is the tracker page's main cost: labels looked up per item (each a
    lazy-string cast) and nested includes per card doubled its time.
    """
    horizons = {value: str(label) for value, label in Horizon.choices}
    actors = {value: str(label) for value, label in Actor.choices}
    statuses = {value: str(label) for value, label in Status.choices}
    windows = {
        horizon: _("%(starts)s to %(ends)s")
        % {"starts": date_format(span.starts), "ends": date_format(span.ends)}
        for horizon, span in schedule.WINDOWS.items()
    }
    voice_labels = {
        Source.IRCC: _("IRCC reports"),
        Source.WORKING_GROUP: _("Working group assesses"),
    }
    for item in items:
        item.horizon_label = horizons.get(item.horizon, "")
        item.actor_label = actors[item.actor]
        item.window_text = windows.get(item.horizon, "")
        item.voices = [
            {
                "label": voice_labels[source],
                "status": status,
                "status_label": statuses.get(status, ""),
                "as_of": _("as of %(date)s") % {"date": date_format(day)} if day else "",
            }
            for source, status, day in (
                (Source.IRCC, item.ircc_status, item.ircc_status_date),
                (Source.WORKING_GROUP, item.wg_status, item.wg_status_date),
            )
        ]
    return items


def _stale_label():
    months = schedule.stale_months()
    return ngettext(
        "Stale: no update for %(months)s month or more",
        "Stale: no update for %(months)s months or more",
        months,
    ) % {"months": months}


def tracker(request):
    """Every item in one query, filtered and counted here. Not cached: with 10,000 status
    updates bench_tracker measured p95 22 to 35 ms uncached, inside the 50 ms budget
    (docs/performance.md)."""
    today = timezone.localdate()
    items = list(Recommendation.objects.in_report_order())
    wanted = TrackerFilters(request.GET).values()
    context = _tracker_context(request, items, wanted, today)
    return render(request, "recommendations/tracker.html", context)


def _tracker_context(request, items, wanted, today):
    items = _describe(_annotate(items, today))
    matching = [item for item in items if TrackerFilters.match(item, wanted)]
    matching_ids = {item.pk for item in matching}
    groups = []
    for top in (item for item in items if item.parent_id is None):
        children = [c for c in matching if c.parent_id == top.pk]
        if top.pk in matching_ids or children:
            groups.append({"item": top, "matches": top.pk in matching_ids, "children": children})
    board = [
        {
            "horizon": h,
            "label": label,
            "window": schedule.WINDOWS[h],
            "items": [i for i in matching if i.horizon == h],
        }
        for h, label in Horizon.choices
    ]
    view = wanted.get("view", "grouped")
    return {
        # Shown with the valid filters only: a tampered parameter is dropped, not reported.
        "filters": TrackerFilters(initial=wanted),
        "active_filters": {k: v for k, v in wanted.items() if k != "view"},
        "view": view,
        "groups": groups,
        "board": board,
        "matching_count": len(matching),
        "total_count": len(items),
        "summary": summary.summarise(items, today),
        "horizon_windows": _horizon_windows(),
        "view_links": _view_links(request.path, wanted, view),
        "glance_url": _with_filters(reverse("recommendation_glance"), wanted),
        "stale_label": _stale_label(),
        "overdue_label": _("Overdue"),
        "disagree_label": _("IRCC and the working group disagree"),
        "no_update_label": _("No update yet"),
    }


def glance_page(request):
    """The timeline and the quarterly history of the items the tracker's filters select: two
    queries (the items, then IRCC's updates on the matching ones)."""
    today = timezone.localdate()
    items = _describe(_annotate(list(Recommendation.objects.in_report_order()), today))
    wanted = TrackerFilters(request.GET).values()
    matching = [item for item in items if TrackerFilters.match(item, wanted)]
    context = {
        "filters": TrackerFilters(initial=wanted),
        "active_filters": {k: v for k, v in wanted.items() if k != "view"},
        "matching": matching,
        "matching_count": len(matching),
        "total_count": len(items),
        "full_tracker_url": _with_filters(reverse("recommendation_list"), wanted),
        "today": today,
    }
    if matching:
        updates = list(
            StatusUpdate.objects.filter(
                source=Source.IRCC, recommendation_id__in=[item.pk for item in matching]
            )
            .order_by("effective_date", "created_at", "pk")
            .values_list("recommendation_id", "status", "effective_date", "pk", "corrects_id")
        )
        context["timeline"] = glance.timeline(matching, today)
        context["history"] = glance.history(matching, updates, today)
    return render(request, "recommendations/glance.html", context)


def _with_filters(path, wanted):
    """`path` with the valid filters as its query (cleaned values only: nothing tampered)."""
    query = QueryDict(mutable=True)
    query.update({k: ("on" if v is True else v) for k, v in wanted.items() if k != "view"})
    return f"{path}?{query.urlencode()}" if query else path


def _horizon_windows():
    return [(label, schedule.WINDOWS[h]) for h, label in Horizon.choices]


def _view_links(path, wanted, current):
    """Links to each view keeping the (valid) filters: built from cleaned values only, so the
    page never echoes a tampered parameter."""
    links = []
    for value, label in VIEWS:
        query = QueryDict(mutable=True)
        query.update({k: ("on" if v is True else v) for k, v in wanted.items()})
        query["view"] = value
        links.append(
            {"label": label, "url": f"{path}?{query.urlencode()}", "current": value == current}
        )
    return links


def detail(request, code):
    item = get_object_or_404(Recommendation.objects.select_related("parent"), code=code)
    today = timezone.localdate()
    _annotate([item], today)
    updates = list(item.status_updates.select_related("author_organization"))
    corrected_by = {u.corrects_id: u for u in updates if u.corrects_id}
    for update in updates:
        update.correction = corrected_by.get(update.pk)
        update.role_label = permissions.POSTING_ROLE_LABELS.get(update.author_role, "")
        _choose_note_language(update)
    user = request.user
    context = {
        "item": item,
        "children": list(item.children.all()) if item.kind != "sub" else [],
        "timelines": [
            {
                "source": source,
                "label": label,
                "status": item.current_status(source),
                "status_label": dict(Status.choices).get(item.current_status(source), ""),
                "date": item.ircc_status_date if source == Source.IRCC else item.wg_status_date,
                "updates": [u for u in updates if u.source == source],
                "may_post": permissions.may_post(user, source),
                "post_url_name": _POST_URL_NAMES[source],
            }
            for source, label in Source.choices
        ],
        "following": user.is_authenticated
        and Follow.objects.filter(user=user, recommendation=item).exists(),
        "related_practices": _related_practices(item),
        "stale_months": schedule.stale_months(),
        "today": today,
        # The page changes when a status update is posted: its "Date modified".
        "date_modified": max((u.created_at for u in updates), default=None),
    }
    return render(request, "recommendations/detail.html", context)


def _choose_note_language(update):
    """The note in the page's language, or else in the other one (marked with its own lang)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    other = next(code for code, _name in settings.LANGUAGES if code != language)
    own = getattr(update, f"note_{language}", "")
    update.note_text = own or getattr(update, f"note_{other}", "")
    update.note_lang = language if own else other
    update.note_is_fallback = bool(update.note_text) and not own


def _related_practices(item):
    """Published practices linked to the item (one query)."""
    return list(item.practices.published().order_by("title"))


_POST_URL_NAMES = {
    Source.IRCC: "recommendation_post_ircc_update",
    Source.WORKING_GROUP: "recommendation_post_assessment",
}


def _get_item_for_poster(request, code, source):
    """The item, if this user may post for `source`; 403 otherwise, before anything is read."""
    if not permissions.may_post(request.user, source):
        raise PermissionDenied
    return get_object_or_404(Recommendation, code=code)


def _get_correctable(request, item, source):
    """The earlier update a correction replaces: same item, same voice, not corrected yet."""
    raw = request.POST.get("corrects") or request.GET.get("corrects")
    if not raw:
        return None
    # ASCII digits of a bigint's length at most: int() must not fail on "²" or 5,000 digits.
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 18):
        raise Http404
    earlier = get_object_or_404(
        StatusUpdate, pk=int(raw), recommendation=item, source=source, corrected_by__isnull=True
    )
    return earlier


@login_required
def post_update(request, code, source):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    item = _get_item_for_poster(request, code, source)
    corrects = _get_correctable(request, item, source)
    initial = {"effective_date": timezone.localdate()}
    if corrects:
        initial.update(
            status=corrects.status,
            effective_date=corrects.effective_date,
            note_en=corrects.note_en,
            note_fr=corrects.note_fr,
            evidence_links="\n".join(corrects.evidence_links),
        )
    form = StatusUpdateForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        recommendation=item,
        source=source,
        corrects=corrects,
    )
    if request.method == "POST" and form.is_valid():
        update = form.save(request.user, permissions.posting_role(request.user, source))
        messages.success(request, _("Your update is published in the history."))
        return redirect(update.get_absolute_url())
    context = {"item": item, "form": form, "source": source, "corrects": corrects}
    return render(request, "recommendations/post_update.html", context)


@require_POST
@login_required
def follow(request, code):
    item = get_object_or_404(Recommendation, code=code)
    if request.POST.get("action") == "unfollow":
        Follow.objects.filter(user=request.user, recommendation=item).delete()
        messages.success(request, _("You no longer follow this recommendation."))
    else:
        Follow.objects.get_or_create(user=request.user, recommendation=item)
        messages.success(
            request, _("You follow this recommendation: its status changes will be in your digest.")
        )
    return redirect(item.get_absolute_url())


def statuses(request):
    context = {
        "statuses": [(value, label, STATUS_DEFINITIONS[value]) for value, label in Status.choices],
        "horizon_windows": _horizon_windows(),
        "report_date": schedule.REPORT_DATE,
        "stale_months": schedule.stale_months(),
    }
    return render(request, "recommendations/statuses.html", context)


def export_csv(request):
    return exports.items_csv_response(timezone.localdate())


def export_history_csv(request):
    return exports.history_csv_response()


def export_json(request):
    return exports.json_response(timezone.localdate())
