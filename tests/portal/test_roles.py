import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

from workinggroup import roles
from workinggroup.models import MemberProfile, WorkingGroupRole

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


# persona -> what the roles module answers for them
RIGHTS = {
    "sam": {"member": False, "editor": False, "ircc_update": False, "assessment": False},
    "marie": {"member": True, "editor": False, "ircc_update": False, "assessment": False},
    "ian": {"member": True, "editor": False, "ircc_update": True, "assessment": False},
    "elodie": {"member": True, "editor": True, "ircc_update": False, "assessment": True},
    "alex": {"member": True, "editor": True, "ircc_update": True, "assessment": True},
}


@pytest.mark.parametrize("persona", list(RIGHTS))
def test_each_role_may_do_what_docs_roles_says(request, persona):
    user = request.getfixturevalue(persona)
    answers = {
        "member": roles.is_member(user),
        "editor": roles.is_editor(user),
        "ircc_update": roles.may_post_ircc_update(user),
        "assessment": roles.may_post_assessment(user),
    }
    assert answers == RIGHTS[persona]


def test_the_co_chair_seat_gives_a_member_the_working_groups_voice(marie):
    MemberProfile.objects.create(user=marie, wg_role=WorkingGroupRole.CO_CHAIR)
    assert roles.is_co_chair(marie) and roles.may_post_assessment(marie)
    assert not roles.is_editor(marie)
