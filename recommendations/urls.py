from django.urls import path
from django.utils.translation import gettext_lazy as _

from recommendations import views
from recommendations.feeds import StatusUpdateFeed
from recommendations.models import Source

urlpatterns = [
    path(_("recommendations/"), views.tracker, name="recommendation_list"),
    path(_("recommendations/statuses/"), views.statuses, name="recommendation_statuses"),
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
    path(_("recommendations/<str:code>/"), views.detail, name="recommendation_detail"),
    path(
        _("recommendations/<str:code>/ircc-update/"),
        views.post_update,
        {"source": Source.IRCC.value},
        name="recommendation_post_ircc_update",
    ),
    path(
        _("recommendations/<str:code>/assessment/"),
        views.post_update,
        {"source": Source.WORKING_GROUP.value},
        name="recommendation_post_assessment",
    ),
    path(_("recommendations/<str:code>/follow/"), views.follow, name="recommendation_follow"),
]
