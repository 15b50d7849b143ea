"""Who may post on the tracker: IRCC staff post IRCC's updates; working-group co-chairs and
editors post the working group's assessments. Administrators hold every role."""

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext_lazy as _

from recommendations.models import Source
from workinggroup import roles
from workinggroup.models import WorkingGroupRole

CO_CHAIR = WorkingGroupRole.CO_CHAIR.value
# The role shown beside an update in the timeline, as it was when the update was posted.
POSTING_ROLE_LABELS = {**roles.ROLE_LABELS, CO_CHAIR: _("Working-group co-chair")}


def is_co_chair(user):
    """True when the user's working-group member profile gives them the co-chair seat."""
    if not user.is_authenticated:
        return False
    try:
        profile = user.member_profile
    except (AttributeError, ObjectDoesNotExist):
        return False
    return getattr(profile, "wg_role", "") == CO_CHAIR


def may_post_ircc_update(user):
    return roles.has_role(user, roles.IRCC_STAFF)


def may_post_assessment(user):
    return roles.has_role(user, roles.EDITOR, roles.ADMINISTRATOR) or is_co_chair(user)


def may_post(user, source):
    if source == Source.IRCC:
        return may_post_ircc_update(user)
    return may_post_assessment(user)


def posting_role(user, source):
    """The role under which `user` posts for `source`, kept with the update."""
    if source == Source.IRCC:
        return roles.IRCC_STAFF if roles.has_role(user, roles.IRCC_STAFF) else roles.ADMINISTRATOR
    if is_co_chair(user):
        return CO_CHAIR
    return roles.EDITOR if roles.has_role(user, roles.EDITOR) else roles.ADMINISTRATOR
