"""Translated paths for the account pages people visit most; the rest come from allauth.

They share allauth's names, so reverse() gives /fr/comptes/connexion/; allauth's untranslated
paths (/fr/comptes/login/) still resolve, so no old link breaks.
"""

from allauth.account import views
from allauth.mfa.base import views as mfa
from allauth.mfa.recovery_codes import views as recovery_codes
from allauth.mfa.totp import views as totp
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

urlpatterns = [
    path(_("login/"), views.login, name="account_login"),
    path(_("logout/"), views.logout, name="account_logout"),
    path(_("signup/"), views.signup, name="account_signup"),
    path(
        _("confirm-email/"), views.email_verification_sent, name="account_email_verification_sent"
    ),
    re_path(
        _(r"^confirm-email/(?P<key>[-:\w]+)/$"), views.confirm_email, name="account_confirm_email"
    ),
    path(_("password/change/"), views.password_change, name="account_change_password"),
    path(_("password/set/"), views.password_set, name="account_set_password"),
    path(_("password/reset/"), views.password_reset, name="account_reset_password"),
    path(_("password/reset/done/"), views.password_reset_done, name="account_reset_password_done"),
    re_path(
        _(r"^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$"),
        views.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(
        _("password/reset/key/done/"),
        views.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
    path(_("email/"), views.email, name="account_email"),
    path(_("inactive/"), views.account_inactive, name="account_inactive"),
    path(_("reauthenticate/"), views.reauthenticate, name="account_reauthenticate"),
    path(_("login/code/"), views.request_login_code, name="account_request_login_code"),
    path(_("login/code/confirm/"), views.confirm_login_code, name="account_confirm_login_code"),
    # Two-step verification (allauth.mfa; MFA_SUPPORTED_TYPES: an app and recovery codes).
    path(_("2fa/"), mfa.index, name="mfa_index"),
    path(_("2fa/authenticate/"), mfa.authenticate, name="mfa_authenticate"),
    path(_("2fa/reauthenticate/"), mfa.reauthenticate, name="mfa_reauthenticate"),
    path(_("2fa/totp/activate/"), totp.activate_totp, name="mfa_activate_totp"),
    path(_("2fa/totp/deactivate/"), totp.deactivate_totp, name="mfa_deactivate_totp"),
    path(
        _("2fa/recovery-codes/"),
        recovery_codes.view_recovery_codes,
        name="mfa_view_recovery_codes",
    ),
    path(
        _("2fa/recovery-codes/generate/"),
        recovery_codes.generate_recovery_codes,
        name="mfa_generate_recovery_codes",
    ),
    path(
        _("2fa/recovery-codes/download/"),
        recovery_codes.download_recovery_codes,
        name="mfa_download_recovery_codes",
    ),
    path("", include("allauth.urls")),
]
# Django's reverse() picks the last pattern of a name: ours, so put allauth's first.
urlpatterns = urlpatterns[-1:] + urlpatterns[:-1]
