import datetime

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from adaptations.models import Adaptation, OutOfDateReport, Reason
from workinggroup import roles

register = template.Library()
# A practice last confirmed current longer ago than this is shown with a warning.
STALE_AFTER = datetime.timedelta(days=2 * 365)

# Adaptations shown on the practice page; the rest are one link away.
SHOWN = 10
# At most this many on an organization's page: it stays light however much it adapted.
SHOWN_ON_ORGANIZATION_PAGE = 50


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


@register.inclusion_tag("adaptations/_adaptations_box.html", takes_context=True)
def adaptations_box(context, practice):
    """A practice's newest adaptations and how to record one, in one query."""
    user = _user(context)
    rows = list(Adaptation.objects.of(practice).for_display().newest_first()[: SHOWN + 1])
    more = len(rows) > SHOWN
    shown = rows[:SHOWN]
    signed_in = bool(user and user.is_authenticated)
    for adaptation in shown:
        adaptation.editable = signed_in and adaptation.may_edit(user)
        adaptation.removable = signed_in and adaptation.may_remove(user)
        adaptation.with_download(user)
    new_url = reverse("adaptations:new", kwargs={"pk": practice.pk})
    return {
        "practice": practice,
        "adaptations": shown,
        # The stored count can only be trusted beyond what was read.
        "total": max(practice.adaptation_count, len(rows)) if more else len(shown),
        "more": more,
        "list_url": reverse("adaptations:list", kwargs={"pk": practice.pk}),
        "signed_in": signed_in,
        "has_organization": signed_in and bool(roles.organizations_of(user)),
        "new_url": new_url,
        "login_url": f"{reverse('account_login')}?{urlencode({'next': new_url})}",
        "profile_url": reverse("my_organizations"),
    }


@register.inclusion_tag("adaptations/_freshness.html", takes_context=True)
def practice_freshness(context, practice):
    """ "Last confirmed current" (a warning once older than STALE_AFTER), the link to report it
    out of date, a public notice while a "contact is gone" report is open, and for editors how
    many reports are open. One query, for everyone."""
    user = _user(context)
    editor = bool(user) and roles.is_editor(user)
    confirmed = practice.confirmed_at or practice.published_at
    reasons = list(
        OutOfDateReport.objects.open().filter(practice=practice).values_list("reason", flat=True)
    )
    return {
        "confirmed": confirmed,
        "stale": bool(confirmed) and confirmed < timezone.now() - STALE_AFTER,
        "contact_gone": Reason.CONTACT_GONE in reasons,
        "report_url": reverse("adaptations:report_new", kwargs={"pk": practice.pk}),
        "open_reports": len(reasons) if editor else None,
        "reports_url": reverse("adaptations:report_list"),
    }


@register.inclusion_tag("adaptations/_organization_adaptations.html")
def organization_adaptations(organization):
    """What the organization adapted, newest first, on published practices only (one query)."""
    adaptations = (
        Adaptation.objects.by(organization)
        .on_published_practices()
        .newest_first()
        .for_organization_page()
    )
    return {"adaptations": list(adaptations[:SHOWN_ON_ORGANIZATION_PAGE])}
