from django.urls import path
from django.utils.translation import gettext_lazy as _

from practices import sheet, views

urlpatterns = [
    path(_("practices/"), views.practice_list, name="practice_list"),
    path(_("practices/search-help/"), views.search_help, name="practice_search_help"),
    path(_("practices/<int:pk>/<slug:slug>/"), views.practice_detail, name="practice_detail"),
    path(_("practices/<int:pk>/sheet.pdf"), sheet.practice_sheet, name="practice_sheet"),
    # The stable short address of a practice (the "Cite or share" box): its title may change.
    path("p/<int:pk>/", views.practice_short, name="practice_short"),
]
