import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

from workinggroup import roles

pytestmark = pytest.mark.django_db


def test_every_role_exists_as_a_group():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)


def test_administrators_hold_every_role(alex):
    assert roles.has_role(alex, roles.EDITOR, roles.IRCC_STAFF)


def test_a_sector_user_is_not_a_member(sam, marie):
    assert not roles.is_member(sam)
    assert roles.is_member(marie)


def test_role_required_refuses_other_roles_and_redirects_anonymous(sam, elodie):
    @roles.role_required(roles.EDITOR)
    def view(request):
        return HttpResponse("ok")

    request = RequestFactory().get("/en/x/")
    request.user = elodie
    assert view(request).status_code == 200
    request.user = sam
    with pytest.raises(PermissionDenied):
        view(request)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert view(request).status_code == 302
