from django.urls import path
from django.utils.translation import gettext_lazy as _

from digests import views

app_name = "digests"

urlpatterns = [
    path(_("digest/settings/"), views.preferences, name="settings"),
    path(_("digest/past/"), views.history, name="history"),
    path(_("digest/past/<int:pk>/"), views.detail, name="detail"),
    path(_("digest/unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
    path(_("digest/unsubscribe/<str:token>/one-click/"), views.one_click, name="one_click"),
]
