"""The horizons' French words do not collide with other screens' words in the merged catalogue."""

from django.utils import translation

from recommendations.models import Horizon


def test_next_horizon_is_ensuite_not_the_pagination_word():
    with translation.override("fr"):
        assert [str(h.label) for h in Horizon] == ["Maintenant", "Ensuite", "Plus tard"]
        # The pagination link keeps its own word.
        assert translation.gettext("Next") == "Suivante"
