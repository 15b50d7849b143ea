"""URLs: every page under a language prefix (/en/, /fr/) with translated paths."""

from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from portal import views as portal_views

# The admin signs in through allauth: same rate limits, same two-factor authentication.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("healthz", portal_views.healthz, name="healthz"),
    path(".well-known/security.txt", portal_views.security_txt, name="security_txt"),
    # The open-data API: one address for every language (each record holds both).
    path("api/v1/", include("opendata.api_urls")),
]

urlpatterns += i18n_patterns(
    path("", portal_views.home, name="home"),
    path(_("accounts/"), include("config.account_urls")),
    path(_("admin/"), admin.site.urls),
    path("", include("portal.urls")),
    path("", include("workinggroup.urls")),
    path("", include("practices.urls")),
    path("", include("submissions.urls")),
    path("", include("adaptations.urls")),
    path("", include("recommendations.urls")),
    path("", include("priorities.urls")),
    path("", include("discussions.urls")),
    path("", include("opendata.urls")),
    path("", include("digests.urls")),
    path("", include("notifications.urls")),
    path("", include("uploads.urls")),
    prefix_default_language=True,
)

handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
# allauth's limits (sign-in, sign-up, password reset) answer with the portal's 429 page.
handler429 = "lib.ratelimits.allauth_rate_limited"
