"""The public results page, and the tracker showing each item's latest priority."""

from django.urls import reverse
from django.utils import translation

from priorities import ballots, results, rounds
from priorities.models import Exercise
from tests.priorities.conftest import ROUND_ONE, answer_all, items_of


def results_url(exercise, language="en"):
    with translation.override(language):
        return reverse("priorities:results", kwargs={"slug": exercise.slug})


def finish(exercise, members, second=ROUND_ONE):
    first = rounds.open_round(exercise.rounds.get(number=1))
    answer_all(first, members, ROUND_ONE, exercise)
    rounds.close_round(first)
    round_two = rounds.open_round(exercise.rounds.get(number=2))
    answer_all(round_two, members, second, exercise)
    rounds.close_round(round_two)
    rounds.publish(exercise)


def test_results_rank_items_with_consensus_in_both_languages(
    exercise, members, client, django_assert_max_num_queries
):
    finish(exercise, members)
    with django_assert_max_num_queries(6):  # fixed: rounds, results, previous exercise
        page = client.get(results_url(exercise)).content.decode()
    assert "Priorities 2027: results" in page
    # O1: 5 5 4 5 4 → median 5, middle half 4 to 5, 100 % at the top: consensus, stable.
    ranking = page.split("Items ranked by the group")[1]
    assert ranking.index("O1") < ranking.index("R3") < ranking.index("R4")
    assert "Strong consensus" in ranking
    assert "5 of 5 invited" in page
    assert "<svg" in page and 'id="ranking-title"' in page
    # The report's 2021 order: O1 1st, R3 2nd, R4 3rd; here the same order, so unchanged.
    assert ranking.count("(unchanged)") == 3
    french = client.get(results_url(exercise, "fr")).content.decode()
    assert "Priorités 2027\u00a0: résultats" in french
    assert "Consensus fort" in french


def test_results_are_withheld_under_five_participants(exercise, members, client):
    first = rounds.open_round(exercise.rounds.get(number=1))
    for member in members[:4]:
        ballots.save(first, member, {items_of(exercise)["O1"].pk: (5, None, "")})
    rounds.close_round(first)
    rounds.open_round(exercise.rounds.get(number=2))
    rounds.close_round(exercise.rounds.get(number=2))
    rounds.publish(exercise)
    page = client.get(results_url(exercise)).content.decode()
    assert "Results withheld: only 0 people took part in the final round" in page
    assert "Items ranked by" not in page


def test_results_wait_for_publication(exercise, members, client):
    rounds.open_round(exercise.rounds.get(number=1))
    page = client.get(results_url(exercise)).content.decode()
    assert "The results are published once the last round has closed." in page
    draft = Exercise.objects.create(title_en="Draft", title_fr="Brouillon", slug="draft")
    assert client.get(results_url(draft)).status_code == 404


def test_the_tracker_shows_the_latest_priority_beside_ircc_status(
    exercise, members, client, django_assert_max_num_queries
):
    finish(exercise, members)
    with translation.override("en"):
        tracker = reverse("recommendation_list")
    client.get(tracker)  # fills the cache
    with django_assert_max_num_queries(2):  # items; the priorities come from the cache
        page = client.get(tracker).content.decode()
    assert "High priority, strong consensus (Priorities 2027, rank 1)" in page
    item = client.get(reverse("recommendation_detail", kwargs={"code": "O1"})).content.decode()
    assert "Working group&#x27;s priority" in item


def test_results_are_in_the_csv_and_the_open_data_api(exercise, members, client):
    finish(exercise, members)
    with translation.override("en"):
        address = reverse("priorities:results_csv", kwargs={"slug": exercise.slug})
    text = client.get(address).content.decode()
    assert text.startswith("\ufeffexercise,round,participants,code,title_en,title_fr")
    lines = text.strip().splitlines()
    assert len(lines) == 1 + 2 * 3  # two rounds of three items
    assert lines[1].startswith("priorities-2027,1,5,O1,")
    record = client.get("/api/v1/recommendations/O1/").json()
    assert record["priority"] == {
        "exercise": "priorities-2027",
        "title": {"en": "Priorities 2027", "fr": "Priorités 2027"},
        "rank": 1,
        "median": 5.0,
        "priority": "high",
        "consensus": "strong",
        "feasibility": None,
    }
    assert client.get("/api/v1/recommendations/R1.1/").json()["priority"] is None


def test_the_list_of_exercises_links_the_open_round_and_the_chairs_page(
    exercise, members, client, client_for, alex
):
    rounds.open_round(exercise.rounds.get(number=1))
    with translation.override("fr"):
        index = reverse("priorities:index")
    page = client.get(index).content.decode()
    assert "Priorités 2027" in page and "Le tour 1 est ouvert jusqu’au" in page
    assert "/fr/priorites/priorities-2027/gerer/" not in page
    assert "/fr/priorites/priorities-2027/gerer/" in client_for(alex).get(index).content.decode()


def test_the_tracker_feed_gives_each_items_priority_once_published_in_each_language(
    exercise, members, client
):
    with translation.override("en"):
        feed_url = reverse("status_update_feed")
    assert "Working group" not in client.get(feed_url).content.decode()  # nothing published yet
    finish(exercise, members)
    results.forget_cache()  # what publishing does on commit, which this test's transaction skips
    english = client.get(feed_url).content.decode()
    assert (
        "<title>O1 · Working group's priority: High priority, strong consensus "
        "(Priorities 2027, rank 1)</title>" in english
    )
    assert english.count("Working group's priority:") == 3  # one entry per item
    assert f"{results_url(exercise)}#item-R4" in english
    with translation.override("fr"):
        french_url = reverse("status_update_feed")
    french = client.get(french_url).content.decode()
    assert "<title>O1 · Priorité du groupe de travail\u00a0: " in french
    assert "(Priorités 2027, rang 1)</title>" in french


# Feasibility per member in both rounds: O1 seen as feasible by all (consensus), R3 split.
FEASIBILITY = [
    {"O1": 4, "R3": 1},
    {"O1": 5, "R3": 5},
    {"O1": 4, "R3": 2},
    {"O1": 5, "R3": 4},
    {"O1": 4, "R3": 3},
]


def finish_with_feasibility(exercise, members):
    exercise.ask_feasibility = True
    exercise.save()
    items = items_of(exercise)
    for number in (1, 2):
        round = rounds.open_round(exercise.rounds.get(number=number))
        for member, importance, feasible in zip(members, ROUND_ONE, FEASIBILITY, strict=True):
            ballots.save(
                round,
                member,
                {
                    items[code].pk: (value, feasible.get(code), reason)
                    for code, (value, reason) in importance.items()
                },
            )
        rounds.close_round(round)
    rounds.publish(exercise)


def test_feasibility_is_shown_beside_importance_on_the_page_csv_and_api(exercise, members, client):
    finish_with_feasibility(exercise, members)
    ranking = client.get(results_url(exercise)).content.decode().split("Items ranked by")[1]
    assert "Feasibility: median" in ranking and "Feasibility: consensus" in ranking
    o1_row = ranking.split("O1</span>")[1].split("</tr>")[0]
    # O1 feasibility 4 4 4 5 5: median 4, middle half 4 to 5, all in the two top points, the same
    # in both rounds: strong consensus. R3: 1 2 3 4 5, median 3, no consensus.
    assert '<td>4 <span class="meta">Feasible</span></td><td>4–5</td>' in o1_row
    assert o1_row.count("Strong consensus") == 2  # importance and feasibility
    r3_row = ranking.split("R3</span>")[1].split("</tr>")[0]
    assert "Feasible with effort" in r3_row and "2–4" in r3_row
    french = client.get(results_url(exercise, "fr")).content.decode()
    assert "Faisabilité\u00a0: médiane" in french
    with translation.override("en"):
        address = reverse("priorities:results_csv", kwargs={"slug": exercise.slug})
    lines = client.get(address).content.decode().strip().splitlines()
    assert lines[0].endswith(
        "feasibility_answers,feasibility_median,feasibility_q1,feasibility_q3,"
        "feasibility_consensus,feasibility_stable"
    )
    o1_final = next(line for line in lines if line.startswith("priorities-2027,2,5,O1,"))
    assert o1_final.endswith(",5,4.0,4.0,5.0,True,True")
    record = client.get("/api/v1/recommendations/O1/").json()
    assert record["priority"]["feasibility"] == {"median": 4.0, "consensus": "strong"}
    assert client.get("/api/v1/recommendations/R3/").json()["priority"]["feasibility"] == {
        "median": 3.0,
        "consensus": "none",
    }


def test_without_feasibility_the_results_leave_it_out(exercise, members, client):
    finish(exercise, members)
    assert "Feasibility" not in client.get(results_url(exercise)).content.decode()
    record = client.get("/api/v1/recommendations/O1/").json()
    assert record["priority"]["feasibility"] is None
