"""Sharing a practice (authors), reviewing it (editors), translating it (members and editors).

Views read the request and render; the rules live in lifecycle.py (moves), access.py (who) and
forms.py (what is valid).
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.ratelimits import over_limit, too_many_requests
from practices.models import TEXT_FIELDS, PromisingPractice, Status
from submissions import access, lifecycle
from submissions import content as practice_content
from submissions.content import TRANSLATED
from submissions.forms import (
    MAX_RESOURCES,
    ArchiveForm,
    DecisionForm,
    PracticeForm,
    ResourceForm,
    TranslationForm,
)
from submissions.models import DraftUpload, Kind, Submission, Transition
from uploads import files
from uploads.models import Upload
from workinggroup import roles

# Per person. Enough for a busy afternoon of sharing; a script hits the wall quickly.
SUBMISSION_RATES = ("10/m", "60/h")
SEND_RATES = ("20/h",)
PAGE_SIZE = 20
ACTIONS = ("save", "preview", "send")


def _rate_limited(request, group, rates):
    """Seconds to wait when this person is over the limit of `group`, else 0."""
    return over_limit(request, f"submissions:{group}", rates)


# --- Writing ------------------------------------------------------------------------------


@login_required
def submission_new(request):
    return _write(request, submission=None, practice=None)


@login_required
def practice_edit(request, pk):
    """Propose changes to a published practice: the published text stays online meanwhile."""
    practice = get_object_or_404(PromisingPractice.objects.published(), pk=pk)
    if not access.can_edit_practice(request.user, practice):
        raise PermissionDenied
    pending = lifecycle.open_version(practice)
    if pending is not None:
        if pending.author_id == request.user.pk:
            return redirect("submissions:edit", pk=pending.pk)
        messages.info(
            request,
            _("Someone is already changing this practice; try again once the editors have "
              "reviewed it."),
        )  # fmt: skip
        return redirect(practice)
    return _write(request, submission=None, practice=practice)


@login_required
def submission_edit(request, pk):
    submission = access.own_submission(request, pk)
    if not submission.is_editable:
        messages.info(request, _("This version is with the editors: it cannot be changed now."))
        return redirect("submissions:detail", pk=submission.pk)
    return _write(request, submission=submission, practice=submission.practice)


def _write(request, submission, practice):
    user = request.user
    organizations = access.organizations_for(user, practice)
    action = request.POST.get("action") if request.method == "POST" else None
    if request.method == "POST" and submission is None:
        # A second POST of the same new form (double click, back and resend) finds the first.
        submission = Submission.objects.filter(
            author=user, token=_token(request.POST.get("token"))
        ).first()
        if submission is not None and not submission.is_editable:
            messages.info(request, _("This practice was already sent for review."))
            return redirect("submissions:detail", pk=submission.pk)
    if request.method == "POST" and action in ACTIONS:
        form = PracticeForm(request.POST, organizations=organizations, sending=action == "send")
    elif submission is not None and request.GET.get("check") == "send":
        # Back from "Send for review" on the preview: show the saved draft with what is missing.
        form = PracticeForm(submission.content, organizations=organizations, sending=True)
        form.is_valid()
    else:
        start = submission.content if submission else _starting_content(user, practice)
        form = PracticeForm(initial=start, organizations=organizations)
    context = {
        "form": form,
        "submission": submission,
        "practice": practice,
        "token": request.POST.get("token") if submission is None and request.method == "POST"
        else (submission.token if submission else Submission._meta.get_field("token").default()),
        "has_organization": organizations.exists(),
    }  # fmt: skip
    if request.method != "POST":
        return render(request, "submissions/submission_form.html", context)
    if action not in ACTIONS:
        messages.error(request, _("Choose save, preview or send."))
        return render(request, "submissions/submission_form.html", context, status=400)
    wait = (submission is None and _rate_limited(request, "new", SUBMISSION_RATES)) or (
        action == "send" and _rate_limited(request, "send", SEND_RATES)
    )
    if wait:
        return too_many_requests(request, wait, form)
    if not form.is_valid():
        messages.error(
            request,
            _("Nothing was saved yet: correct the fields marked below. What you typed is kept."),
        )
        return render(request, "submissions/submission_form.html", context)
    submission = _save(request, submission, practice, form)
    if submission is None:
        return redirect(practice)
    if action == "send":
        lifecycle.move(submission, Status.SUBMITTED, user)
        messages.success(
            request,
            _("Sent for review. You will get an email when an editor has read it."),
        )
        return redirect("submissions:detail", pk=submission.pk)
    warnings = form.private_detail_warnings()
    if warnings:
        messages.warning(
            request,
            _("Saved, but check these fields: they seem to hold personal details, and practices "
              "never name clients: %(fields)s.")
            % {"fields": ", ".join(str(w) for w in warnings)},
        )  # fmt: skip
    else:
        messages.success(request, _("Draft saved. You can come back to it from My submissions."))
    if action == "preview":
        return redirect("submissions:detail", pk=submission.pk)
    return redirect("submissions:edit", pk=submission.pk)


def _token(raw):
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        return uuid.uuid4()  # matches nothing


def _starting_content(user, practice):
    if practice is not None:
        return practice_content.content_of(practice)
    own = user.organization_id
    return {"lead_organization": own if roles.may_act_for(user, own) else None}


def _save(request, submission, practice, form):
    """Create or update the draft; None when someone else opened one on this practice first."""
    content = form.content()
    # The resources are changed on their own page: the practice form keeps them as they are.
    if submission is not None:
        content["resources"] = submission.content.get("resources") or []
    else:
        content["resources"] = practice_content.resource_entries(practice)
    if submission is not None:
        submission.content = content
        submission.organization_id = content.get("lead_organization")
        submission.save(update_fields=["content", "organization", "updated_at"])
        return submission
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                author=request.user,
                practice=practice,
                kind=Kind.EDIT if practice else Kind.NEW,
                organization_id=content.get("lead_organization"),
                content=content,
                token=_token(request.POST.get("token")),
            )
            DraftUpload.keep(submission)
            return submission
    except IntegrityError:
        messages.info(
            request,
            _("Someone else started changing this practice a moment ago; yours was not saved."),
        )
        return None


@login_required
def submission_resources(request, pk):
    """The draft's resources: add one (a file, uploaded at once, or a link), change or remove
    one. They change with the rest of the version: published only once an editor approves it."""
    submission = access.own_submission(request, pk)
    if not submission.is_editable:
        messages.info(request, _("This version is with the editors: it cannot be changed now."))
        return redirect("submissions:detail", pk=submission.pk)
    entries = list(submission.content.get("resources") or [])
    by_key = {entry["key"]: entry for entry in entries}
    key = request.POST.get("key") or request.GET.get("change") or ""
    changing = by_key.get(key)
    here = reverse("submissions:resources", kwargs={"pk": submission.pk})
    if request.method == "POST" and request.POST.get("action") == "remove":
        if changing is not None:
            entries.remove(changing)
            _store_resources(submission, entries)
            messages.success(request, _("Resource removed from this version."))
        return redirect(here)
    if request.method == "POST" and changing is None and len(entries) >= MAX_RESOURCES:
        messages.error(
            request,
            _("A practice can have at most %(count)d resources: remove one before adding another.")
            % {"count": MAX_RESOURCES},
        )
        return redirect(here)
    current = practice_content.resource_uploads({"resources": [changing]}) if changing else {}
    form = ResourceForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        uploader=request.user,
        current_upload=current.get(changing.get("upload")) if changing else None,
        initial=changing,
    )
    if request.method == "POST":
        if form.is_valid() and _within_total(form, submission, entries, changing):
            entry = form.entry(changing["key"] if changing else uuid.uuid4().hex)
            if changing is not None:
                entries[entries.index(changing)] = entry
            else:
                entries.append(entry)
            _store_resources(submission, entries)
            messages.success(
                request,
                _("Resource saved in this version. It is published with the practice once an "
                  "editor approves it."),
            )  # fmt: skip
            return redirect(here)
        if form.accepted_upload is not None:
            form.data = form.data.copy()
            form.data["kept_upload"] = form.accepted_upload.pk
        messages.error(
            request, _("The resource was not saved yet: correct the fields marked below.")
        )
    context = {
        "submission": submission,
        "form": form,
        "changing": changing,
        "kept": form.accepted_upload if form.is_bound else None,
        "resources": list(
            zip(entries, practice_content.shown_resources(submission.content), strict=True)
        ),
        "max_resources": MAX_RESOURCES,
    }
    return render(
        request, "submissions/resources.html", context, status=400 if form.errors else 200
    )


def _within_total(form, submission, entries, changing):
    """The practice's files together stay within the limit; else the form says so."""
    others = [e.get("upload") for e in entries if e is not changing and e.get("upload")]
    sizes = [u.size for u in practice_content.resource_uploads({"resources": [
        {"upload": pk} for pk in others]}).values()]  # fmt: skip
    upload = form.cleaned_data["upload"]
    try:
        files.check_practice_total([*sizes, upload.size if upload else 0])
    except ValidationError as error:
        form.add_error("file", error)
        return False
    return True


def _store_resources(submission, entries):
    """Save the draft's resources; a file no resource of any version uses any more is
    deleted (a published practice's files stay until the version that drops them is published)."""
    before = set(DraftUpload.objects.filter(submission=submission).values_list("upload", flat=True))
    with transaction.atomic():
        submission.content = {**submission.content, "resources": entries}
        submission.save(update_fields=["content", "updated_at"])
        DraftUpload.keep(submission)
        files.discard_orphans(Upload.objects.filter(pk__in=before))


@login_required
@require_POST
def submission_send(request, pk):
    submission = access.own_submission(request, pk)
    if submission.state == Status.SUBMITTED:
        messages.info(request, _("This practice was already sent for review."))
        return redirect("submissions:detail", pk=submission.pk)
    if not submission.is_editable:
        messages.error(request, _("This version can no longer be sent."))
        return redirect("submissions:detail", pk=submission.pk)
    if request.POST.get("action") in ACTIONS:
        # A form of the edit page posted here (an old tab): keep what was typed.
        return _write(request, submission=submission, practice=submission.practice)
    form = PracticeForm(
        submission.content,
        organizations=access.organizations_for(request.user, submission.practice),
        sending=True,
    )
    if not form.is_valid():
        # The edit page, at its own address, shows the saved text and what is missing; what
        # the author then types posts to the edit page, so nothing is lost.
        messages.error(request, _("Before sending it, complete the fields marked below."))
        return redirect(reverse("submissions:edit", kwargs={"pk": submission.pk}) + "?check=send")
    wait = _rate_limited(request, "send", SEND_RATES)
    if wait:
        return too_many_requests(request, wait)
    lifecycle.move(submission, Status.SUBMITTED, request.user)
    messages.success(
        request, _("Sent for review. You will get an email when an editor has read it.")
    )
    return redirect("submissions:detail", pk=submission.pk)


@login_required
def submission_detail(request, pk):
    submission = access.own_submission(request, pk)
    before, before_label = lifecycle.baseline(submission)
    context = {
        "submission": submission,
        "preview": practice_content.display(submission.content),
        "changes": practice_content.changes(before, submission.content) if before else None,
        "before_label": before_label,
        "steps": submission.transitions.select_related("actor"),
    }
    return render(request, "submissions/submission_detail.html", context)


@login_required
def my_submissions(request):
    # The editor's message that led to the current state: an old request for changes is not
    # shown under a version published since.
    last_message = Transition.objects.filter(
        submission=OuterRef("pk"), to_state=OuterRef("state")
    ).exclude(message="")
    submissions = (
        Submission.objects.by(request.user)
        .select_related("practice")
        .annotate(
            last_message=Subquery(last_message.order_by("-created_at", "-pk").values("message")[:1])
        )
        .order_by("-updated_at", "-pk")
    )
    page = Paginator(submissions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "submissions/my_submissions.html", {"page": page})


# --- Reviewing ----------------------------------------------------------------------------


@roles.role_required(roles.EDITOR)
def review_queue(request):
    waiting = Submission.objects.awaiting_review().select_related(
        "author", "organization", "practice"
    )
    page = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("page"))
    for submission in page:
        submission.languages = practice_content.languages_of(submission.content)
    return render(request, "submissions/review_queue.html", {"page": page})


@roles.role_required(roles.EDITOR)
def review_detail(request, pk):
    submission = get_object_or_404(
        Submission.objects.select_related("author", "organization", "practice"), pk=pk
    )
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["decision"]
        try:
            lifecycle.move(submission, target, request.user, form.cleaned_data["message"])
        except lifecycle.IllegalTransition as refused:
            messages.error(request, str(refused))
            return redirect("submissions:review", pk=submission.pk)
        messages.success(request, _decision_message(target))
        return redirect("submissions:review_queue")
    before, before_label = lifecycle.baseline(submission)
    context = {
        "submission": submission,
        "form": form,
        "can_decide": submission.state == Status.SUBMITTED,
        "private": [
            (practice_content.label_of(key), kinds)
            for key, kinds in PracticeForm.private_details(submission.content)
        ],
        "preview": practice_content.display(submission.content),
        "changes": practice_content.changes(before, submission.content) if before else None,
        "before_label": before_label,
        "steps": submission.transitions.select_related("actor"),
    }
    return render(request, "submissions/review_detail.html", context)


def _decision_message(target):
    return {
        Status.PUBLISHED: _("Published. The author has been told by email."),
        Status.CHANGES_REQUESTED: _("Changes requested. The author has been told by email."),
        Status.REJECTED: _("Rejected. The author has been told by email, with your reason."),
    }[target]


@roles.role_required(roles.EDITOR)
def practice_history(request, pk):
    """A practice's whole life, and archiving or restoring it."""
    practice = get_object_or_404(PromisingPractice, pk=pk)
    form = ArchiveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        target = Status.ARCHIVED if practice.status == Status.PUBLISHED else Status.PUBLISHED
        try:
            lifecycle.move_practice(practice, target, request.user, form.cleaned_data["message"])
        except lifecycle.IllegalTransition as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request, _("Archived.") if target == Status.ARCHIVED else _("Published again.")
            )
        return redirect("submissions:practice_history", pk=practice.pk)
    steps = Transition.objects.filter(practice=practice).select_related("actor", "submission")
    draft = Submission.objects.open().filter(practice=practice, state=Status.DRAFT).first()
    context = {"practice": practice, "form": form, "steps": steps, "draft": draft}
    return render(request, "submissions/practice_history.html", context)


@roles.role_required(*roles.MODERATOR_ROLES)
@require_POST
def release_draft(request, pk):
    """An editor releases the unsent draft that holds a practice, saying why to its author."""
    practice = get_object_or_404(PromisingPractice, pk=pk)
    draft = Submission.objects.open().filter(practice=practice, state=Status.DRAFT).first()
    message = request.POST.get("message", "")[:2000]
    if draft is None or lifecycle.release(draft, request.user, message) is None:
        messages.info(request, _("No unsent draft holds this practice any more."))
    else:
        messages.success(request, _("The draft is released; its author is told by email."))
    return redirect("submissions:practice_history", pk=practice.pk)


# --- Translating --------------------------------------------------------------------------


def _require_translator(request):
    if not roles.is_member(request.user):
        raise PermissionDenied


@login_required
def translation_queue(request):
    _require_translator(request)
    published = PromisingPractice.objects.published()
    total = published.count()
    bilingual = published.filter(has_en=True, has_fr=True).count()
    missing = request.GET.get("missing")
    # Lacking a text in either language (coverage is per field: practices.models.missing_texts).
    waiting = published.exclude(has_en=True, has_fr=True)
    if missing in ("en", "fr"):
        waiting = published.filter(**{f"has_{missing}": False})
    pending = Submission.objects.open().filter(practice=OuterRef("pk")).values("pk")[:1]
    texts = [f"{name}_{lang}" for name in TEXT_FIELDS for lang in ("en", "fr")]
    waiting = (
        waiting.select_related("lead_organization")
        .only("id", "slug_en", "slug_fr", "has_en", "has_fr", *texts,
              "published_at", "lead_organization__name_en", "lead_organization__name_fr")
        .annotate(pending=Subquery(pending))
        .newest_first()
    )  # fmt: skip
    page = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("page"))
    for practice in page:
        practice.missing = practice_content.missing_labels(practice)
        practice.target = practice_content.missing_language(practice)
    context = {
        "page": page,
        "total": total,
        "bilingual": bilingual,
        "coverage": round(100 * bilingual / total) if total else 100,
        "missing": missing if missing in ("en", "fr") else "",
    }
    return render(request, "submissions/translation_queue.html", context)


@login_required
def translate(request, pk):
    _require_translator(request)
    practice = get_object_or_404(PromisingPractice.objects.published(), pk=pk)
    language = practice_content.missing_language(practice)
    if language is None:
        messages.info(request, _("This practice is already available in both languages."))
        return redirect("submissions:translation_queue")
    if lifecycle.open_version(practice) is not None:
        messages.info(request, _("A version of this practice is already waiting for review."))
        return redirect("submissions:translation_queue")
    source = "fr" if language == "en" else "en"
    current = practice_content.content_of(practice)
    required = [n for n in ("title", "summary") if current.get(f"{n}_{source}")]
    form = TranslationForm(
        request.POST if request.method == "POST" else None,
        language=language,
        required_names=required,
        # The texts already there in that language: kept, and shown for the translator to see.
        initial={key: current.get(key) for key in (f"{n}_{language}" for n in TRANSLATED)},
    )
    originals = [
        (form[f"{name}_{language}"], current.get(f"{name}_{source}")) for name in TRANSLATED
    ]
    context = {"practice": practice, "form": form, "originals": originals, "source": source,
               "language": language}  # fmt: skip
    if request.method == "POST":
        wait = _rate_limited(request, "new", SUBMISSION_RATES)
        if wait:
            return too_many_requests(request, wait, form)
        if form.is_valid():
            try:
                with transaction.atomic():
                    submission = Submission.objects.create(
                        author=request.user,
                        practice=practice,
                        kind=Kind.TRANSLATION,
                        organization=practice.lead_organization,
                        # An empty box keeps what is there (a text with no original is hidden).
                        content={**current, **{k: v for k, v in form.cleaned_data.items() if v}},
                    )
                    lifecycle.move(submission, Status.SUBMITTED, request.user)
            except IntegrityError:
                messages.info(request, _("Someone sent a version of this practice a moment ago."))
                return redirect("submissions:translation_queue")
            messages.success(
                request, _("Thank you: your translation goes online once an editor has read it.")
            )
            return redirect("submissions:translation_queue")
        messages.error(request, _("Nothing was sent yet: correct the fields marked below."))
    return render(request, "submissions/translate.html", context)
