"""Site-wide pages: home, health check, static pages, problem reports and the error pages."""

from datetime import UTC, timedelta

from celery import current_app
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import timezone, translation
from django.utils.translation import get_language, get_language_from_path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from digests import runs
from lib.ratelimits import client_address, over_limit, too_many_requests
from portal import personal_data
from portal.forms import DeleteAccountForm, ProblemReportForm, local_page
from practices import catalogue


def home(request):
    everything = catalogue.find(catalogue.Query())  # counts kept until the next publication
    context = {
        "latest_practices": catalogue.latest_practices(3),
        "province_counts": everything.counts["province"],
        "community_counts": everything.by_community,
    }
    return render(request, "portal/home.html", context)


def page(request, template):
    return render(request, f"portal/pages/{template}.html")


@never_cache
def healthz(request):
    """200 when the database, the cache and (if configured) the broker answer; 503 otherwise."""
    checks = {"database": _check_database, "cache": _check_cache}
    if settings.REDIS_URL:
        checks["broker"] = _check_broker
    failed = {}
    for name, check in checks.items():
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - any failure is a failed check
            failed[name] = exc.__class__.__name__
    status = 503 if failed else 200
    body = {"status": "fail" if failed else "ok", "checks": {n: "ok" for n in checks}}
    body["checks"].update({n: f"fail: {e}" for n, e in failed.items()})
    if "database" not in failed and request.user.is_authenticated and request.user.is_staff:
        body["detail"] = {"digests": _digests_detail()}
    return JsonResponse(body, status=status)


def _digests_detail():
    """For staff: digests whose fate is unknown (an administrator decides), held, waiting."""
    state = runs.ledger_state()
    held_until = state["held_until"]
    return {
        "unknown": state["unknown"],
        "held_by_live_claims": state["held"],
        "held_until": held_until.isoformat() if held_until else None,
        "waiting": state["waiting"],
    }


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")


def _check_broker():
    with current_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def _language_of(request):
    """The language of the URL; the default language when the prefix is missing or unknown."""
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def permission_denied(request, exception=None):
    with translation.override(_language_of(request)):
        return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    # override(), not activate(): LocaleMiddleware still needs the visitor's language to
    # redirect an unprefixed path such as / to /fr/.
    with translation.override(_language_of(request)):
        return render(request, "errors/404.html", status=404)


def server_error(request):
    # No context processors, request or database here: the failure may be theirs.
    # The page's language comes first, told by the URL alone.
    language = _language_of(request)
    return HttpResponseServerError(
        loader.get_template("errors/500.html").render({"language": language})
    )


def csrf_failure(request, reason=""):
    """A form sent without a valid token (a page left open for hours, cookies refused): the
    portal's page in the page's language, not Django's unstyled one."""
    with translation.override(_language_of(request)):
        return render(request, "errors/403_csrf.html", status=403)


@never_cache
def security_txt(request):
    """RFC 9116: where to report a vulnerability (docs/security.md)."""
    expires = timezone.now().replace(microsecond=0) + timedelta(days=365)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: en, fr",
        f"Canonical: {settings.SITE_URL}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# Generous: a whole rural agency may share one address.
REPORT_RATES = ("5/m", "30/h")


def report_problem(request):
    """ "Report a problem on this page": the footer's link brings the page's path along; the
    report is saved for the portal team (the admin's problem reports) and the person is sent
    back to that page."""
    if request.method == "POST":
        form = ProblemReportForm(request.POST)
        if form.is_valid():
            wait = over_limit(request, "portal:problem", REPORT_RATES, key=client_address)
            if wait:
                return too_many_requests(request, wait, form)
            report = form.save(commit=False)
            report.language = get_language()
            report.save()
            messages.success(request, _("Thank you: your report was sent to the portal team."))
            return redirect(report.page or "home")
    else:
        form = ProblemReportForm(initial={"page": local_page(request.GET.get("page"))})
    page = local_page(form["page"].value())
    return render(request, "portal/report_problem.html", {"form": form, "page": page})


@login_required
def my_data(request):
    """Download everything the portal keeps about you; delete your account."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        personal_data.delete_account(request.user)
        logout(request)  # before the message: signing out empties the session
        messages.success(request, _("Your account and your personal data were deleted."))
        return redirect("home")
    return render(
        request,
        "portal/my_data.html",
        {"form": form, "blocked": personal_data.why_not_deletable(request.user)},
    )


@login_required
@never_cache
def my_data_download(request):
    response = HttpResponse(
        personal_data.as_json(request.user), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="small-centres-portal-{stamp}.json"'
    return response
