from django.urls import path
from django.utils.translation import gettext_lazy as _

from adaptations import views

app_name = "adaptations"

# Nothing here looks like practices/<id>/<slug>/: a practice's slug could be "report".
urlpatterns = [
    path(_("adaptations/practice/<int:pk>/"), views.adaptation_list, name="list"),
    path(_("adaptations/practice/<int:pk>/new/"), views.adaptation_new, name="new"),
    path(_("adaptations/<int:pk>/edit/"), views.adaptation_edit, name="edit"),
    path(_("adaptations/<int:pk>/remove/"), views.adaptation_delete, name="delete"),
    path(_("practices/reports/"), views.report_list, name="report_list"),
    path(_("practices/reports/practice/<int:pk>/"), views.report_new, name="report_new"),
    path(_("practices/reports/<int:pk>/close/"), views.report_close, name="report_close"),
]
