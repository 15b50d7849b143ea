from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal import views

urlpatterns = [
    path(_("about/"), views.page, {"template": "about"}, name="about"),
    path(_("accessibility/"), views.page, {"template": "accessibility"}, name="accessibility"),
    path(_("privacy/"), views.page, {"template": "privacy"}, name="privacy"),
    path(_("terms/"), views.page, {"template": "terms"}, name="terms"),
    path(_("report-a-problem/"), views.report_problem, name="report_problem"),
    path(_("my-data/"), views.my_data, name="my_data"),
    path(_("my-data/download/"), views.my_data_download, name="my_data_download"),
]
