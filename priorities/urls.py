from django.urls import path
from django.utils.translation import gettext_lazy as _

from priorities import views

app_name = "priorities"

urlpatterns = [
    path(_("priorities/"), views.index, name="index"),
    path(_("priorities/new/"), views.setup_exercise, name="new"),
    path(_("priorities/<slug:slug>/"), views.results_page, name="results"),
    path(_("priorities/<slug:slug>/answer/"), views.answer, name="answer"),
    path(_("priorities/<slug:slug>/manage/"), views.manage, name="manage"),
    path(_("priorities/<slug:slug>/edit/"), views.setup_exercise, name="edit"),
    path(_("priorities/<slug:slug>/results.csv"), views.results_csv, name="results_csv"),
    path(_("priorities/reminders/off/<str:token>/"), views.reminders_off, name="reminders_off"),
]
