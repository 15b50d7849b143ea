from django.urls import path
from django.utils.translation import gettext_lazy as _

from uploads import views

app_name = "uploads"
urlpatterns = [
    path(_("files/<int:pk>/<str:name>"), views.download, name="download"),
    path(_("files/previews/<int:pk>.webp"), views.preview, name="preview"),
]
