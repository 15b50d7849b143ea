"""A member's answer page: one page, no script, save and come back; every bad input refused
with a clear message and nothing already saved lost."""

import html
import re

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from priorities import ballots, rounds
from priorities.forms import AnswerForm
from priorities.models import Answer, Item
from recommendations.models import Recommendation
from tests.priorities.conftest import items_of
from workinggroup import roles


def url(exercise, language="en"):
    with translation.override(language):
        return reverse("priorities:answer", kwargs={"slug": exercise.slug})


def post(client, exercise, round, answers, language="en", **extra):
    items = items_of(exercise)
    data = {"round": round.pk, **extra}
    for code, (value, reason) in answers.items():
        data[f"importance_{items[code].pk}"] = value
        data[f"reason_{items[code].pk}"] = reason
    return client.post(url(exercise, language), data, follow=True)


def saved(round, user):
    ballot = ballots.ballot_of(round, user)
    if ballot is None:
        return {}
    return {
        a.item.recommendation.code: a.importance
        for a in Answer.objects.filter(ballot=ballot).select_related("item__recommendation")
    }


def test_a_member_answers_saves_and_comes_back(
    exercise, members, client_for, django_assert_max_num_queries
):
    first = rounds.open_round(exercise.rounds.get(number=1))
    client = client_for(members[0])
    with django_assert_max_num_queries(12):  # fixed, whatever the number of items or answers
        page = client.get(url(exercise)).content.decode()
    assert "Priorities 2027: round 1" in page
    assert "5 – Essential" in page and "No opinion" in page
    assert "You have answered 0 items of 3." in page
    response = post(client, exercise, first, {"O1": ("5", ""), "R3": ("none", "")})
    page = response.content.decode()
    assert "Your answers are saved. Until " in page
    assert ", you can come back and change them." in page
    assert "You have answered 2 items of 3." in page
    assert saved(first, members[0]) == {"O1": 5, "R3": None}
    # Coming back: the saved answers are checked, and a later answer replaces them.
    back = client.get(url(exercise)).content.decode()
    o1 = items_of(exercise)["O1"].pk
    assert f'name="importance_{o1}" value="5" id="id_importance_{o1}_4" checked' in back
    post(client, exercise, first, {"O1": ("3", "")})
    assert saved(first, members[0]) == {"O1": 3, "R3": None}
    assert Answer.objects.count() == 2


def test_the_page_is_in_french_for_a_francophone_member(exercise, members, client_for):
    rounds.open_round(exercise.rounds.get(number=1))
    page = client_for(members[1]).get(url(exercise, "fr")).content.decode()
    assert "Priorités 2027\u00a0: tour 1" in page
    assert "5 – Essentiel" in page and "Sans opinion" in page


def test_an_answer_off_the_scale_is_refused_and_nothing_saved_is_lost(
    exercise, members, client_for
):
    first = rounds.open_round(exercise.rounds.get(number=1))
    client = client_for(members[0])
    post(client, exercise, first, {"O1": ("4", "")})
    response = post(client, exercise, first, {"O1": ("7", ""), "R3": ("2", "")})
    assert "Choose a point from 1 to 5, or “No opinion”." in response.content.decode()
    assert saved(first, members[0]) == {"O1": 4}


def test_after_the_round_closed_answers_are_refused(exercise, members, client_for):
    first = rounds.open_round(exercise.rounds.get(number=1))
    client = client_for(members[0])
    post(client, exercise, first, {"O1": ("4", "")})
    rounds.close_round(first)
    response = post(client, exercise, first, {"O1": ("1", "")})
    assert response.status_code == 409
    assert "Round 1 closed on" in response.content.decode()
    assert "answers are no longer accepted" in response.content.decode()
    assert list(Answer.objects.values_list("importance", flat=True)) == [4]


def test_a_form_from_an_earlier_round_saves_nothing(second_round, exercise, members, client_for):
    first = exercise.rounds.get(number=1)
    response = post(client_for(members[0]), exercise, first, {"O1": ("1", "Late")})
    assert "This page was for an earlier round; nothing was saved." in response.content.decode()
    assert saved(second_round, members[0]) == {}


def test_a_forged_post_cannot_reach_another_members_answers(exercise, members, client_for):
    first = rounds.open_round(exercise.rounds.get(number=1))
    post(client_for(members[1]), exercise, first, {"O1": ("5", "")})
    other_ballot = ballots.ballot_of(first, members[1])
    # The form has no field naming a person or a ballot: those sent are ignored.
    post(
        client_for(members[0]),
        exercise,
        first,
        {"O1": ("1", "")},
        user=members[1].pk,
        ballot=other_ballot.pk,
        key=other_ballot.key,
    )
    assert saved(first, members[1]) == {"O1": 5}
    assert saved(first, members[0]) == {"O1": 1}


def test_someone_not_invited_is_told_plainly(exercise, members, sam, client_for):
    rounds.open_round(exercise.rounds.get(number=1))
    response = client_for(sam).get(url(exercise))
    assert response.status_code == 403
    assert "You are not among the participants of this round" in response.content.decode()
    assert "<form" not in response.content.decode().split("<main", 1)[-1]


def test_a_member_removed_mid_round_can_no_longer_answer_and_their_answers_stay(
    exercise, members, client_for
):
    first = rounds.open_round(exercise.rounds.get(number=1))
    client = client_for(members[0])
    post(client, exercise, first, {"O1": ("5", "")})
    members[0].groups.clear()
    roles.forget(members[0])
    response = post(client, exercise, first, {"O1": ("1", "")})
    assert response.status_code == 403
    assert "You are no longer a participant" in response.content.decode()
    assert list(Answer.objects.values_list("importance", flat=True)) == [5]


def test_round_two_shows_the_groups_answer_own_answer_and_reasons_outside_the_middle_half(
    second_round, exercise, members, client_for, django_assert_max_num_queries
):
    client = client_for(members[0])
    with django_assert_max_num_queries(14):
        page = client.get(url(exercise)).content.decode()
    # R3 in round one: 1 3 4 5 3 → sorted 1 3 3 4 5: median 3, middle half 3 to 4.
    assert "Previous round: median 3, middle half from 3 to 4 (5 answers)." in page
    assert "Your previous answer: 1." in page
    # The previous point is checked, which is not yet an answer in this round: said so.
    assert page.count("Not saved in this round yet: your previous answer is chosen below.") == 3
    assert "Not answered yet." not in page
    assert "<title id=" in page and "Answers per point in the previous round" in page
    assert "Rated 1: Funding rules already changed here" in page
    assert "Rated 5: Nothing moves without flexible money" in page
    assert "Rated 5: Our tools are ten years old" in page
    assert "member0@example.org" not in page


def test_staying_outside_the_middle_half_needs_a_reason(
    second_round, exercise, members, client_for
):
    client = client_for(members[0])
    response = post(client, exercise, second_round, {"R3": ("1", ""), "O1": ("5", "")})
    page = html.unescape(response.content.decode())
    assert "Your answer is outside the middle half of the group's answers (3 to 4)." in page
    assert saved(second_round, members[0]) == {}
    post(client, exercise, second_round, {"R3": ("1", "Still true here"), "O1": ("5", "")})
    assert saved(second_round, members[0]) == {"R3": 1, "O1": 5}


def test_round_two_withholds_figures_when_fewer_than_five_answered(exercise, members, client_for):
    first = rounds.open_round(exercise.rounds.get(number=1))
    for member in members[:4]:
        ballots.save(first, member, {items_of(exercise)["O1"].pk: (5, None, "")})
    rounds.close_round(first)
    rounds.open_round(exercise.rounds.get(number=2))
    page = client_for(members[0]).get(url(exercise)).content.decode()
    assert "Fewer than 5 people answered the previous round, so its figures are withheld" in page
    assert "Previous round: median" not in page


def test_when_feasibility_is_asked_the_page_asks_it_and_saves_it(exercise, members, client_for):
    exercise.ask_feasibility = True
    exercise.save()
    first = rounds.open_round(exercise.rounds.get(number=1))
    client = client_for(members[1])
    page = client.get(url(exercise)).content.decode()
    assert "How feasible is O1?" in page and "5 – Easily feasible" in page
    o1 = items_of(exercise)["O1"].pk
    post(client, exercise, first, {"O1": ("5", "")}, **{f"feasibility_{o1}": "2"})
    answer = Answer.objects.get(item_id=o1)
    assert (answer.importance, answer.feasibility) == (5, 2)
    french = client.get(url(exercise, "fr")).content.decode()
    assert "Dans quelle mesure O1 est-elle réalisable?" in french
    refused = post(client, exercise, first, {"O1": ("5", "")}, **{f"feasibility_{o1}": "9"})
    assert "Choose a point from 1 to 5, or “No opinion”." in refused.content.decode()
    assert Answer.objects.get(item_id=o1).feasibility == 2  # nothing saved is lost


def test_without_feasibility_the_page_does_not_ask_it(exercise, members, client_for):
    rounds.open_round(exercise.rounds.get(number=1))
    assert "How feasible" not in client_for(members[1]).get(url(exercise)).content.decode()


def test_after_a_bad_answer_each_error_is_beside_its_item_and_what_was_typed_is_kept(
    exercise, members, client_for
):
    first = rounds.open_round(exercise.rounds.get(number=1))
    items = items_of(exercise)
    o1, r3, r4 = (items[code].pk for code in ("O1", "R3", "R4"))
    long_reason = "Too long: <b>really</b>." * 60  # 1,440 characters
    response = post(
        client_for(members[0]),
        exercise,
        first,
        {"O1": ("7", ""), "R3": ("2", "Our <funding> ends"), "R4": ("4", long_reason)},
    )
    page = response.content.decode()
    sections = {
        pk: page.split(f'aria-labelledby="item-{pk}-heading"', 1)[1].split("</section>", 1)[0]
        for pk in (o1, r3, r4)
    }
    # O1's error in its fieldset, tied to it, and listed at the top with a link to its first box.
    assert f'<fieldset class="field" aria-describedby="id_importance_{o1}_error">' in sections[o1]
    assert (
        f'<ul class="errorlist" id="id_importance_{o1}_error"><li>Choose a point from 1 to 5, '
        "or “No opinion”.</li></ul>" in sections[o1]
    )
    assert f'id="id_importance_{o1}_0" aria-invalid="true">' in sections[o1]
    assert f'href="#id_importance_{o1}_0"' in page
    assert page.index('id="error-summary"') < page.index('class="lead"')  # seen first
    # R3 is valid: no error there, its point still checked and its reason kept (escaped).
    assert "errorlist" not in sections[r3]
    assert f'name="importance_{r3}" value="2" id="id_importance_{r3}_1" checked>' in sections[r3]
    assert "Our &lt;funding&gt; ends</textarea>" in sections[r3]
    # R4's reason is too long: the message beside its text area, which is tied to it.
    assert "Keep your reason to 1000 characters (it has 1440)." in sections[r4]
    assert (
        f'rows="2" aria-invalid="true" aria-describedby="id_reason_{r4}_error" id="id_reason_{r4}"'
        in sections[r4]
    )
    assert f'<label for="id_reason_{r4}">Your reason for R4' in sections[r4]
    assert f'value="4" id="id_importance_{r4}_3" checked>' in sections[r4]
    assert saved(first, members[0]) == {}


def test_the_inputs_have_the_markup_every_other_form_gets(exercise, members):
    """AnswerForm writes its inputs itself for speed: they must stay what Django renders through
    templates/forms/field.html, errors and checked points included, in both languages."""
    first, second, third = (item.pk for item in exercise.items.order_by("order"))
    bad = {f"importance_{first}": "7", f"reason_{first}": "x" * 1001}
    bad |= {f"importance_{second}": "", f"reason_{second}": "Why & <how>"}
    bad |= {f"importance_{third}": "none", f"feasibility_{third}": "3"}
    initial = {f"importance_{first}": "3", f"reason_{first}": "a <b>"}
    items = list(exercise.items.select_related("recommendation"))

    def squeezed(markup):
        return re.sub(r">\s+<", "><", markup.strip())

    for language in ("en", "fr"):
        with translation.override(language):
            for data, feasibility in ((bad, True), (bad, False), (None, True)):
                form = AnswerForm(data, initial=initial, items=items, ask_feasibility=feasibility)
                if data:
                    assert not form.is_valid()
                for item in items:
                    django = "".join(
                        form[name].as_field_group()
                        for name in form.fields
                        if name.endswith(f"_{item.pk}")
                    )
                    assert squeezed(form.item_html(item)) == squeezed(django)


def test_the_page_reads_as_many_queries_for_27_items_as_for_three(
    second_round, exercise, members, client_for, django_assert_num_queries
):
    client = client_for(members[0])
    client.get(url(exercise))  # the previous round's feedback is rendered once, then cached
    with django_assert_num_queries(12):
        page = client.get(url(exercise)).content.decode()
    assert "You have answered 0 items of 3." in page
    taken = set(exercise.items.values_list("recommendation", flat=True))
    for order, recommendation in enumerate(Recommendation.objects.exclude(pk__in=taken), 3):
        Item.objects.create(exercise=exercise, recommendation=recommendation, order=order)
    items = list(exercise.items.all())
    ballots.save(second_round, members[0], {item.pk: (4, None, "Here") for item in items})
    cache.clear()
    client.get(url(exercise))
    with django_assert_num_queries(12):
        page = client.get(url(exercise)).content.decode()
    assert "You have answered 27 items of 27." in page
    assert page.count('<fieldset class="field">') == 27
    assert page.count("<textarea ") == 27
