"""The open-data pages and downloads, under the language prefix: /en/open-data/, /fr/…"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from opendata import views
from opendata.feeds import PracticeFeed

urlpatterns = [
    path(_("open-data/"), views.open_data, name="open_data"),
    path(_("open-data/api/"), views.api_docs, name="open_data_api_docs"),
    path(
        _("open-data/promising-practices.csv"),
        views.practices_csv,
        name="open_data_practices_csv",
    ),
    path(
        _("open-data/promising-practices.json"),
        views.practices_json,
        name="open_data_practices_json",
    ),
    path(_("open-data/feeds/practices/"), PracticeFeed(), name="open_data_practice_feed"),
]
