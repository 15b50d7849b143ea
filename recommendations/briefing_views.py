"""The briefing's downloads, from the tracker page with its filters (recommendations.briefing).

Built in the request: all 27 items take well under a second (bench_documents,
docs/performance.md), and the file is cached until the tracker changes.
"""

from django.http import Http404, HttpResponse
from django.utils import timezone

from recommendations import briefing
from recommendations.models import Recommendation, tracker_version
from recommendations.views import TrackerFilters
from recommendations.views import _annotate as annotate  # the flags the filters read


def download(request, fmt):
    if fmt not in briefing.FORMATS:
        raise Http404
    today = timezone.localdate()
    form = TrackerFilters(request.GET)
    wanted = form.values()

    def build_data():
        items = annotate(list(Recommendation.objects.in_report_order()), today)
        matching = [item for item in items if TrackerFilters.match(item, wanted)]
        return briefing.content(items, matching, briefing.filters_in_words(form, wanted), today)

    body = briefing.cached_file(fmt, wanted, today, tracker_version(), build_data)
    response = HttpResponse(body, content_type=briefing.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{briefing.file_name(fmt, today)}"'
    return response
