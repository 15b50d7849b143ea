from django.urls import path
from django.utils.translation import gettext_lazy as _

from workinggroup import views

urlpatterns = [
    path(_("organizations/"), views.organization_list, name="organization_list"),
    path(_("organizations/requests/"), views.organization_requests, name="organization_requests"),
    path(
        _("organizations/requests/<int:pk>/"),
        views.decide_organization_request,
        name="decide_organization_request",
    ),
    path(_("organizations/<slug:slug>/"), views.organization_detail, name="organization_detail"),
    path(
        _("organizations/<slug:slug>/members/"),
        views.organization_members,
        name="organization_members",
    ),
    path(
        _("organizations/<slug:slug>/members/<int:pk>/"),
        views.decide_membership,
        name="decide_membership",
    ),
    path(_("working-group/"), views.working_group, name="working_group"),
    path(_("working-group/contacts/"), views.contact_list, name="contact_list"),
    path(_("working-group/invite/"), views.invite, name="invite"),
    path(_("working-group/audit/"), views.audit_trail, name="audit_trail"),
    path(_("invitation/<str:token>/"), views.accept_invitation, name="accept_invitation"),
    path(_("profile/"), views.profile, name="profile"),
    path(_("profile/organizations/"), views.my_organizations, name="my_organizations"),
    path(_("profile/organizations/join/"), views.join, name="join_organization"),
    path(_("profile/organizations/<int:pk>/leave/"), views.leave, name="leave_organization"),
    path(_("profile/organizations/new/"), views.organization_request, name="request_organization"),
]
