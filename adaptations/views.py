"""Recording, changing and removing adaptations; reporting a practice as out of date; the editors'
queue of reports. Views orchestrate: the rules live in models.py (counts, duplicates, closing) and
forms.py (what may be written, for which organization)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from adaptations.forms import AdaptationForm, CloseReportForm, ReportForm
from adaptations.models import (
    Adaptation,
    OutOfDateReport,
    ReportStatus,
    add_adaptation,
    change_adaptation,
    file_report,
    remove_adaptation,
)
from lib.ratelimits import client_address, over_limit, too_many_requests
from practices.models import PromisingPractice, Status, languages_of_bits
from uploads import files
from uploads.models import Upload
from workinggroup import roles
from workinggroup.models import language_bits, localized

# Per person: plenty to record an organization's work, too few for a script.
ADAPTATION_RATE = "10/h"
REPORT_RATE_PER_USER = "10/h"
# Per address, for readers who are not signed in: a whole rural agency may share one address.
REPORT_RATE_PER_IP = "20/h"
ADAPTATIONS_PER_PAGE = 20
REPORTS_PER_PAGE = 50
FIELDS = ("community", "changes", "outcome", "would_recommend", "language")

editor_required = roles.role_required(*roles.MODERATOR_ROLES)


def _published_practice(pk):
    return get_object_or_404(PromisingPractice.objects.published(), pk=pk)


def _adaptation(pk):
    """An adaptation of a published practice; 404 for anything else."""
    return get_object_or_404(
        Adaptation.objects.select_related("practice", "organization").filter(
            practice__status=Status.PUBLISHED
        ),
        pk=pk,
    )


def _rate_limited(request, group, rate, key="user"):
    return over_limit(request, f"adaptations:{group}", (rate,), key=key)


def _with_permissions(adaptations, user):
    for adaptation in adaptations:
        adaptation.editable = adaptation.may_edit(user)
        adaptation.removable = adaptation.may_remove(user)
        adaptation.with_download(user)
    return adaptations


def _adapted_version(form, adaptation=None):
    """The adapted version of a resource the form gives (nothing when the practice has none)."""
    data = form.cleaned_data
    if "adapted_file" not in form.fields:
        return {}
    kept = adaptation.adapted_file if adaptation else None
    return {
        "adapted_resource": data.get("adapted_resource"),
        "adapted_file": data.get("adapted_file") or kept,
        "adapted_language_bits": language_bits(data.get("adapted_languages")),
    }


def _keep_accepted_file(form):
    """A file accepted while another field had an error is not asked for again."""
    if form.is_bound and getattr(form, "accepted_file", None) is not None:
        form.data = form.data.copy()
        form.data["kept_file"] = form.accepted_file.pk


def _already_recorded(request, adaptation):
    messages.info(request, _("This adaptation was already recorded; it was not recorded twice."))
    return redirect(adaptation.get_absolute_url())


def _initial_community(organization):
    """The community an organization serves, when it serves exactly one."""
    if organization is None:
        return None
    communities = list(organization.communities.all()[:2])
    return communities[0].pk if len(communities) == 1 else None


@login_required
def adaptation_new(request, pk):
    practice = _published_practice(pk)
    user = request.user
    form = AdaptationForm(
        request.POST or None,
        request.FILES or None,
        user=user,
        practice=practice,
        initial={
            "organization": user.organization_id,
            "language": get_language(),
            "community": _initial_community(user.organization),
        },
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            same = Adaptation.objects.recent_duplicate(
                practice, user, data["changes"], data["outcome"]
            )
            if same:
                return _already_recorded(request, same)
            if wait := _rate_limited(request, "add", ADAPTATION_RATE):
                return too_many_requests(request, wait, form)
            else:
                adaptation, created = add_adaptation(
                    practice,
                    user,
                    organization_id=data["organization"],
                    **{name: data[name] for name in FIELDS},
                    **_adapted_version(form),
                )
                if not created:
                    return _already_recorded(request, adaptation)
                messages.success(
                    request,
                    _("Thank you: your adaptation is recorded and shown with the practice."),
                )
                return redirect(adaptation.get_absolute_url())
    _keep_accepted_file(form)
    return render(
        request,
        "adaptations/adaptation_form.html",
        {"practice": practice, "title": localized(practice, "title"), "form": form},
        status=status,
    )


@login_required
def adaptation_edit(request, pk):
    adaptation = _adaptation(pk)
    if not adaptation.may_edit(request.user):
        raise PermissionDenied
    initial = {name: getattr(adaptation, name) for name in FIELDS}
    initial["community"] = adaptation.community_id
    initial["adapted_resource"] = adaptation.adapted_resource_id
    initial["adapted_languages"] = languages_of_bits(adaptation.adapted_language_bits)
    form = AdaptationForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        adaptation=adaptation,
        initial=initial,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            replaced = adaptation.adapted_file
            change_adaptation(
                adaptation,
                request.user,
                **{name: form.cleaned_data[name] for name in FIELDS},
                **_adapted_version(form, adaptation),
            )
            if replaced and replaced != adaptation.adapted_file:
                files.discard_orphans(Upload.objects.filter(pk=replaced.pk))
            messages.success(request, _("Your adaptation is updated."))
            return redirect(adaptation.get_absolute_url())
    practice = adaptation.practice
    _keep_accepted_file(form)
    return render(
        request,
        "adaptations/adaptation_form.html",
        {
            "practice": practice,
            "title": localized(practice, "title"),
            "form": form,
            "adaptation": adaptation,
        },
        status=status,
    )


@login_required
def adaptation_delete(request, pk):
    adaptation = _adaptation(pk)
    if not adaptation.may_remove(request.user):
        raise PermissionDenied
    practice = adaptation.practice
    if request.method == "POST":
        remove_adaptation(adaptation, request.user)
        messages.success(request, _("The adaptation is removed."))
        return redirect(practice.get_absolute_url())
    return render(
        request,
        "adaptations/adaptation_delete.html",
        {
            "adaptation": adaptation,
            "practice": practice,
            "title": localized(practice, "title"),
            "own": adaptation.may_edit(request.user),
        },
    )


def adaptation_list(request, pk):
    practice = _published_practice(pk)
    adaptations = Adaptation.objects.of(practice).for_display().newest_first()
    page = Paginator(adaptations, ADAPTATIONS_PER_PAGE).get_page(request.GET.get("page"))
    _with_permissions(page.object_list, request.user)
    return render(
        request,
        "adaptations/adaptation_list.html",
        {"practice": practice, "title": localized(practice, "title"), "page": page},
    )


# --- Out-of-date reports -----


def report_new(request, pk):
    """Anyone may report, signed in or not; rate-limited per person, or per address."""
    practice = _published_practice(pk)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            reporter = request.user if request.user.is_authenticated else None
            reason, note = form.cleaned_data["reason"], form.cleaned_data["note"]
            if OutOfDateReport.objects.recent_duplicate(practice, reporter, reason, note):
                return _already_reported(request, practice)
            if reporter:
                limited = _rate_limited(request, "report", REPORT_RATE_PER_USER)
            else:
                limited = _rate_limited(
                    request, "report-ip", REPORT_RATE_PER_IP, key=client_address
                )
            if limited:
                return too_many_requests(request, limited, form)
            else:
                _report, created = file_report(practice, reporter, reason, note, get_language())
                if not created:
                    return _already_reported(request, practice)
                messages.success(
                    request, _("Thank you. An editor will check this practice and update it.")
                )
                return redirect(practice.get_absolute_url())
    return render(
        request,
        "adaptations/report_form.html",
        {"practice": practice, "title": localized(practice, "title"), "form": form},
        status=status,
    )


def _already_reported(request, practice):
    messages.info(request, _("This was already reported; an editor will look at it. Thank you."))
    return redirect(practice.get_absolute_url())


@editor_required
def report_list(request):
    return _report_list_page(request)


def _report_list_page(request, failed=None, status=200):
    """The open reports, oldest first. `failed`: (report id, bound form with errors)."""
    reports = (
        OutOfDateReport.objects.open()
        .oldest_first()
        .select_related("practice", "reporter")
        .only(
            "id",
            "reason",
            "note",
            "language",
            "created_at",
            "status",
            "practice__id",
            "practice__slug_en",
            "practice__slug_fr",
            "practice__title_en",
            "practice__title_fr",
            "practice__published_at",
            "practice__confirmed_at",
            "reporter__id",
            "reporter__email",
            "reporter__first_name",
            "reporter__last_name",
        )
    )
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    for report in page.object_list:
        if failed and failed[0] == report.pk:
            report.form = failed[1]
        else:
            report.form = CloseReportForm(auto_id=f"report-{report.pk}-%s")
        report.title = localized(report.practice, "title")
    context = {"page": page, "form": failed[1] if failed else None}
    return render(request, "adaptations/report_list.html", context, status=status)


@editor_required
@require_POST
def report_close(request, pk):
    report = get_object_or_404(OutOfDateReport.objects.select_related("practice"), pk=pk)
    form = CloseReportForm(request.POST, auto_id=f"report-{report.pk}-%s")
    if not form.is_valid():
        return _report_list_page(request, failed=(report.pk, form), status=400)
    status = form.cleaned_data["status"]
    if not report.close(status, request.user):
        messages.info(request, _("This report was already closed by another editor."))
    elif status == ReportStatus.CONFIRMED_CURRENT:
        messages.success(
            request, _("Report closed. The practice now shows it was confirmed current today.")
        )
    elif status == ReportStatus.FIXED:
        messages.success(request, _("Report closed as fixed."))
    else:
        messages.success(request, _("Report dismissed."))
    return redirect(reverse("adaptations:report_list"))
