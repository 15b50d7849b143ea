"""Site-wide pages: home, health check, static pages and the error pages."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.views.decorators.cache import never_cache


def home(request):
    from practices.queries import latest_practices

    return render(request, "portal/home.html", {"latest_practices": latest_practices(3)})


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
    return JsonResponse(body, status=status)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")


def _check_broker():
    from config.celery import app

    with app.connection_for_write() as conn:
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
    return HttpResponseServerError(loader.get_template("errors/500.html").render())


def rate_limited(request, exception=None):
    return render(request, "errors/429.html", status=429)
