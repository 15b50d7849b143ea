from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _

from recommendations import briefing_views, views
from recommendations.feeds import StatusUpdateFeed
from recommendations.models import Source


class CodeConverter:
    """An item's code ("R1.1"): at most 10 characters, no control character, so a NUL byte in
    the path is a 404 here rather than a query PostgreSQL refuses."""

    regex = r"[^/\x00-\x1f\x7f]{1,10}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CodeConverter, "code")

urlpatterns = [
    path(_("recommendations/"), views.tracker, name="recommendation_list"),
    path(_("recommendations/statuses/"), views.statuses, name="recommendation_statuses"),
    path(_("recommendations/at-a-glance/"), views.glance_page, name="recommendation_glance"),
    path(_("recommendations/feed/"), StatusUpdateFeed(), name="status_update_feed"),
    path(
        _("recommendations/recommendations-tracker.csv"),
        views.export_csv,
        name="recommendation_export_csv",
    ),
    path(
        _("recommendations/status-history.csv"),
        views.export_history_csv,
        name="status_update_export_csv",
    ),
    path(
        _("recommendations/recommendations-tracker.json"),
        views.export_json,
        name="recommendation_export_json",
    ),
    path(
        _("recommendations/briefing.pdf"),
        briefing_views.download,
        {"fmt": "pdf"},
        name="recommendation_briefing_pdf",
    ),
    path(
        _("recommendations/briefing.docx"),
        briefing_views.download,
        {"fmt": "docx"},
        name="recommendation_briefing_docx",
    ),
    path(_("recommendations/<code:code>/"), views.detail, name="recommendation_detail"),
    path(
        _("recommendations/<code:code>/ircc-update/"),
        views.post_update,
        {"source": Source.IRCC.value},
        name="recommendation_post_ircc_update",
    ),
    path(
        _("recommendations/<code:code>/assessment/"),
        views.post_update,
        {"source": Source.WORKING_GROUP.value},
        name="recommendation_post_assessment",
    ),
    path(_("recommendations/<code:code>/follow/"), views.follow, name="recommendation_follow"),
]
