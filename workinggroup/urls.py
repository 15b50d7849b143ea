from django.urls import path
from django.utils.translation import gettext_lazy as _

from workinggroup import views

urlpatterns = [
    path(_("organizations/"), views.organization_list, name="organization_list"),
    path(_("organizations/<slug:slug>/"), views.organization_detail, name="organization_detail"),
    path(_("working-group/"), views.working_group, name="working_group"),
    path(_("working-group/contacts/"), views.contact_list, name="contact_list"),
    path(_("working-group/invite/"), views.invite, name="invite"),
    path(_("invitation/<str:token>/"), views.accept_invitation, name="accept_invitation"),
    path(_("profile/"), views.profile, name="profile"),
]
