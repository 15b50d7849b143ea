"""Which practices and submissions a person may open. Views ask these; what each role may do is
answered by workinggroup.roles (who acts for which organization: roles.may_act_for), and the
state machine (lifecycle) enforces the moves."""

from django.shortcuts import get_object_or_404

from submissions.models import Submission
from workinggroup import roles
from workinggroup.models import Organization


def can_edit_practice(user, practice):
    """Editors, and the approved members of the organization that leads the practice."""
    if not user.is_authenticated:
        return False
    return roles.is_editor(user) or roles.may_act_for(user, practice.lead_organization_id)


def organizations_for(user, practice=None):
    """The organizations a user may submit on behalf of: those they are an approved member of
    (and, for an editor editing a practice, the practice's lead organization)."""
    ids = set(roles.organizations_of(user))
    if practice is not None and roles.is_editor(user):
        ids.add(practice.lead_organization_id)
    return Organization.objects.filter(pk__in=ids)


def own_submission(request, pk):
    """The signed-in user's submission, or 404: another person's draft does not exist for them."""
    return get_object_or_404(
        Submission.objects.select_related("practice", "organization"), pk=pk, author=request.user
    )
