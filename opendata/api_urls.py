"""The API, outside the language prefix: /api/v1/. Every record is in both languages."""

from django.urls import path, re_path

from opendata import api, errors

app_name = "opendata_api"

urlpatterns = [
    path("", api.ApiRoot.as_view(), name="root"),
    path("schema/", api.SchemaView.as_view(), name="schema"),
    path("practices/", api.PracticeList.as_view(), name="practice-list"),
    path("practices/<int:pk>/", api.PracticeDetail.as_view(), name="practice-detail"),
    path("resources/", api.ResourceList.as_view(), name="resource-list"),
    path("organizations/", api.OrganizationList.as_view(), name="organization-list"),
    path("organizations/<int:pk>/", api.OrganizationDetail.as_view(), name="organization-detail"),
    path("regions/", api.RegionList.as_view(), name="region-list"),
    path("provinces/", api.ProvinceList.as_view(), name="province-list"),
    path("themes/", api.ThemeList.as_view(), name="theme-list"),
    path("client-groups/", api.ClientGroupList.as_view(), name="client-group-list"),
    path("recommendations/", api.RecommendationList.as_view(), name="recommendation-list"),
    path(
        "recommendations/<str:code>/",
        api.RecommendationDetail.as_view(),
        name="recommendation-detail",
    ),
    re_path(r"^(?P<path>.*)$", errors.not_found, name="not-found"),
]
