from django.urls import path
from django.utils.translation import gettext_lazy as _

from notifications import views

app_name = "notifications"

urlpatterns = [
    path(_("notifications/"), views.inbox_page, name="inbox"),
    path(_("notifications/<int:pk>/"), views.open_notification, name="open"),
    path(_("notifications/<int:pk>/read/"), views.mark_read, name="mark_read"),
    path(_("notifications/read/"), views.mark_all_read, name="mark_all_read"),
]
