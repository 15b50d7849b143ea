"""The briefing's downloads, from the tracker page with its filters (recommendations.briefing).

A file already made (and the tracker unchanged since) is sent at once. Otherwise a Celery task
makes it; the request waits for it up to a second, then answers with a page that says it is
being prepared and refreshes itself (no JavaScript) until the file is there. Without Redis (the
quickstart, tests) the task runs in the request and the file comes at once.
"""

import time

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from recommendations import briefing, tasks
from recommendations.models import tracker_version
from recommendations.views import TrackerFilters

WAIT_SECONDS = 1.0
POLL_SECONDS = 0.1
REFRESH_SECONDS = 3


def download(request, fmt):
    if fmt not in briefing.FORMATS:
        raise Http404
    today = timezone.localdate()
    wanted = TrackerFilters(request.GET).values()
    key = briefing.cache_key(fmt, wanted, today, tracker_version())
    body = cache.get(key)
    if body is None:
        tasks.queue_once(key, fmt, wanted, today)
        body = _wait_for(key)
    if body is None:
        url = request.path + briefing.query_string(wanted)
        context = {"refresh": REFRESH_SECONDS, "url": url, "fmt": fmt}
        return render(request, "recommendations/briefing_preparing.html", context, status=202)
    response = HttpResponse(body, content_type=briefing.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{briefing.file_name(fmt, today)}"'
    return response


def _wait_for(key):
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        body = cache.get(key)
        if body is not None or time.monotonic() >= deadline:
            return body
        time.sleep(POLL_SECONDS)
