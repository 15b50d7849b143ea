"""Which voice of the tracker a person posts for, and under which role: IRCC staff post IRCC's
updates; editors and the working group's co-chairs post its assessments (workinggroup.roles)."""

from django.utils.translation import gettext_lazy as _

from recommendations.models import Source
from workinggroup import roles

CO_CHAIR = roles.CO_CHAIR_SEAT
# The role shown beside an update in the timeline, as it was when the update was posted.
POSTING_ROLE_LABELS = {**roles.ROLE_LABELS, CO_CHAIR: _("Working-group co-chair")}


def may_post(user, source):
    if source == Source.IRCC:
        return roles.may_post_ircc_update(user)
    return roles.may_post_assessment(user)


def posting_role(user, source):
    """The role under which `user`, who may post for `source`, posts: kept with the update.
    Administrators hold every role, so they post as IRCC staff or as an editor."""
    if source == Source.IRCC:
        return roles.IRCC_STAFF
    return CO_CHAIR if roles.is_co_chair(user) else roles.EDITOR
