"""Every page type the browser tests visit, in one list.

Adding a page is one line in PAGE_TYPES: the accessibility tests (both languages) and the
page-weight test pick it up. `url` is called inside `translation.override(language)` once the
demo data is loaded, so `reverse()` gives the page's translated path and objects can be looked up.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation


@dataclass(frozen=True)
class PageType:
    id: str
    url: Callable[[], str]
    # Something to do on the page before it is checked (e.g. submit an empty form).
    prepare: Callable | None = None
    # Demo account to sign in as first (an email of workinggroup.demo.DEMO_ACCOUNTS).
    user: str | None = None
    status: int = 200
    # axe rules this page is known to break, each with who must fix it: they are reported, not
    # failed, until fixed; then the test fails until the entry is removed.
    known: dict = field(default_factory=dict)

    def __str__(self):
        return self.id


def named(url_name, query="", **kwargs):
    """The URL of a named view, with an optional query string."""

    def url():
        return reverse(url_name, kwargs=kwargs or None) + (f"?{query}" if query else "")

    return url


def missing_page():
    return f"/{translation.get_language()}/no-such-page/"


def submit_empty_form(page):
    """Submit the main form empty, so the page shows its error summary and field errors.

    The browser's own checks of `required` fields are turned off first: the server's messages
    are what people without them (and screen-reader users) get.
    """
    form = page.locator("main form[method=post]").last
    form.evaluate("form => { form.noValidate = true; }")
    form.locator("button[type=submit]").last.click()
    page.wait_for_load_state()


def answer_far_from_the_group(page):
    """On the answer page of the demo's round two: rate the first item 1 (outside the group's
    middle half) without a reason and save, so the page shows its errors beside the items."""
    page.locator("main fieldset").first.locator("input[type=radio]").first.check()
    page.locator("main form[method=post] button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator("#error-summary").count() == 1, "the answer was not refused"


def moderator_edit():
    """The moderator's edit form of the demo post a moderator already edited."""
    from django.apps import apps  # as in first(): looked up when the test runs

    post = apps.get_model("discussions.Post").objects.exclude(moderator_edited_at=None).first()
    assert post is not None, "the demo data has no post edited by a moderator"
    return reverse("discussions:post_moderator_edit", kwargs={"pk": post.pk})


def first(model, published=False):
    """The URL of the first `app_label.Model` of the demo data, in the active language."""

    def url():
        from django.apps import apps

        objects = apps.get_model(model).objects
        found = (objects.published() if published else objects.all()).order_by("pk").first()
        assert found is not None, f"the demo data has no {model}"
        return found.get_absolute_url()

    return url


def latest_digest():
    """The web copy of the demo member's newest digest (digests.demo)."""
    from digests.models import DigestDelivery  # the app registry is ready only at call time

    found = DigestDelivery.objects.filter(user__email=MEMBER, status="sent").first()
    assert found is not None, "the demo data has no sent digest"
    return reverse("digests:detail", kwargs={"pk": found.pk})


def filtered_practice_list():
    """The catalogue with two filters and a keyword that match the first demo practice."""
    from practices.models import PromisingPractice

    practice = PromisingPractice.objects.published().order_by("pk").first()
    query = {"region": practice.region.code, "theme": practice.themes.order_by("pk")[0].slug}
    query["q"] = practice.title.split()[0]
    return named("practice_list", query=urlencode(query))()


def submission(state, review=False):
    """A demo submission in `state`: its author's page, or the editor's review page."""

    def url():
        from submissions.models import Submission

        found = Submission.objects.filter(state=state).order_by("pk").first()
        assert found is not None, f"the demo data has no submission in state {state}"
        name = "submissions:review" if review else "submissions:detail"
        return reverse(name, kwargs={"pk": found.pk})

    return url


def draft_resources():
    """The resources page of the demo's first draft (the sector user's)."""
    from submissions.models import Submission

    found = Submission.objects.filter(state="draft").order_by("pk").first()
    assert found is not None, "the demo data has no draft"
    return reverse("submissions:resources", kwargs={"pk": found.pk})


def practice_page(url_name, one_language=False):
    """A page about the first published (one-language) practice: translate, adapt."""

    def url():
        from practices.models import PromisingPractice

        published = PromisingPractice.objects.published().order_by("pk")
        if one_language:
            published = published.exclude(has_en=True, has_fr=True)
        return reverse(url_name, kwargs={"pk": published.first().pk})

    return url


MEMBER = "member@demo.example"  # demo accounts (workinggroup.demo)
EDITOR = "editor@demo.example"
SECTOR = "sector@demo.example"
ADMIN = "admin@demo.example"

PAGE_TYPES = [
    PageType("home", named("home")),
    PageType("about", named("about")),
    PageType("report-a-problem-with-errors", named("report_problem"), prepare=submit_empty_form),
    PageType("sign-in", named("account_login")),
    PageType("sign-up-with-errors", named("account_signup"), prepare=submit_empty_form),
    PageType("not-found", missing_page, status=404),
    PageType("practice-list", named("practice_list")),
    PageType("practice-list-filtered", filtered_practice_list),
    PageType("practice-detail", first("practices.PromisingPractice", published=True)),
    PageType("search-help", named("practice_search_help")),
    PageType("tracker", named("recommendation_list")),
    PageType("tracker-at-a-glance", named("recommendation_glance")),
    PageType("tracker-item", first("recommendations.Recommendation")),
    PageType("organization-list", named("organization_list")),
    PageType("organization-detail", first("workinggroup.Organization")),
    PageType("working-group", named("working_group")),
    PageType("profile", named("profile"), user=MEMBER),
    PageType("my-data-with-errors", named("my_data"), submit_empty_form, MEMBER),
    PageType("discussions", named("discussions:category_list"), user=MEMBER),
    PageType("thread", first("discussions.Thread"), user=MEMBER),
    PageType("new-thread-with-errors", named("discussions:thread_new"), submit_empty_form, MEMBER),
    PageType("digest-settings", named("digests:settings"), user=MEMBER),
    PageType("your-digests", named("digests:history"), user=MEMBER),
    PageType("digest-web-copy", latest_digest, user=MEMBER),
    PageType("moderation-log", named("discussions:moderation_log"), user=EDITOR),
    PageType("notifications", named("notifications:inbox"), user=MEMBER),
    PageType("moderator-edit", moderator_edit, user=EDITOR),
    PageType("discussion-member", named("discussions:member", handle="member"), user=MEMBER),
    PageType("open-data", named("open_data")),
    PageType("open-data-api", named("open_data_api_docs")),
    PageType("share-with-errors", named("submissions:new"), submit_empty_form, SECTOR),
    PageType("my-submissions", named("submissions:mine"), user=SECTOR),
    PageType("draft-resources", draft_resources, user=SECTOR),
    PageType("submission-sent-back", submission("changes_requested"), user=MEMBER),
    PageType("review-queue", named("submissions:review_queue"), user=EDITOR),
    PageType("review-submission", submission("submitted", review=True), user=EDITOR),
    PageType("translation-queue", named("submissions:translation_queue"), user=MEMBER),
    PageType("translate", practice_page("submissions:translate", one_language=True), user=MEMBER),
    PageType(
        "adaptation-with-errors",
        practice_page("adaptations:new"),
        submit_empty_form,
        MEMBER,
    ),
    PageType("out-of-date-reports", named("adaptations:report_list"), user=EDITOR),
    PageType("priorities", named("priorities:index")),
    PageType("priorities-results", named("priorities:results", slug="priorities-2026")),
    PageType("priorities-answer", named("priorities:answer", slug="priorities-2027"), user=MEMBER),
    PageType(
        "priorities-answer-errors",
        named("priorities:answer", slug="priorities-2027"),
        answer_far_from_the_group,
        MEMBER,
    ),
    PageType("priorities-new", named("priorities:new"), submit_empty_form, ADMIN),
    PageType(
        "priorities-edit", named("priorities:edit", slug="sub-recommendations-2027"), user=ADMIN
    ),
    PageType(
        "priorities-rounds", named("priorities:manage", slug="sub-recommendations-2027"), user=ADMIN
    ),
]
