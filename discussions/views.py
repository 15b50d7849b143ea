"""Members-only discussion pages. Every view starts with member_required or moderator_required."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.paginator import Paginator
from django.core.validators import slug_unicode_re
from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from discussions import attachments, notices
from discussions.access import (
    get_post,
    get_thread,
    is_moderator,
    member_required,
    moderator_required,
    posts_every_member_sees,
    shown_in_emails_to,
    visible_threads,
)
from discussions.emails import read_unfollow_token, send_moderation_email
from discussions.forms import (
    EditForm,
    FlagForm,
    ModeratorEditForm,
    PostModerationForm,
    ReplyForm,
    ThreadForm,
    ThreadModerationForm,
)
from discussions.mentions import member_by_handle, member_name, mentioned_members
from discussions.models import (
    POSTS_PER_PAGE,
    THREADS_PER_PAGE,
    Category,
    Flag,
    Follow,
    ModerationAction,
    Post,
    ReadPosition,
    Thread,
)
from lib.language import set_alternate_urls
from lib.ratelimits import over_limit, too_many_requests

# Per member. Generous for people writing, tight enough to stop a script.
POST_RATES = ("6/m", "60/h")
FLAG_RATES = ("10/h",)
TOKEN_TTL = 3600
DUPLICATE_WINDOW_SECONDS = 60


def _refuse(request, message, status=403):
    return render(request, "discussions/refused.html", {"message": message}, status=status)


def _rate_limited(request, group, rates):
    return over_limit(request, f"discussions:{group}", rates)


def _page_number(request, last_page):
    try:
        number = int(request.GET.get("page", 1))
    except ValueError:
        number = 1
    return min(max(number, 1), last_page)


# --- Reading ------------------------------------------------------------------------------


@member_required
def category_list(request):
    # Counted over the threads this person sees on the category pages (moderators: hidden too).
    threads = visible_threads(request.user)
    categories = Category.objects.annotate(
        thread_count=Coalesce(_per_category(threads, Count("pk")), 0),
        last_activity=_per_category(threads, Max("last_activity")),
    )
    return render(
        request,
        "discussions/category_list.html",
        {"categories": categories, "is_moderator": is_moderator(request.user)},
    )


def _per_category(threads, aggregate):
    """`aggregate` over the `threads` of each category, as a subquery of a category query."""
    of_category = threads.filter(category=OuterRef("pk")).values("category")
    return Subquery(of_category.annotate(value=aggregate).values("value"))


@member_required
def category_detail(request, slug):
    category = get_object_or_404(Category, Q(slug_en=slug) | Q(slug_fr=slug))
    if slug != category.slug:
        return redirect(category)
    set_alternate_urls(request, category)
    threads = (
        visible_threads(request.user, Thread.objects.filter(category=category))
        .in_listing_order()
        .select_related("author")
    )
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    read = dict(
        ReadPosition.objects.filter(user=request.user, thread__in=[t.pk for t in page]).values_list(
            "thread_id", "position"
        )
    )
    for thread in page:
        thread.read_position = read.get(thread.pk)
        thread.unread_count = thread.post_count - (thread.read_position or 0)
    return render(request, "discussions/category_detail.html", {"category": category, "page": page})


@member_required
def thread_detail(request, pk):
    member = request.user
    threads = attachments.with_attached_object(
        Thread.objects.select_related("category", "author")
    ).annotate(
        # The member's read mark and follow come with the thread: two queries fewer.
        read_up_to=Subquery(
            ReadPosition.objects.filter(user=member, thread=OuterRef("pk")).values("position")
        ),
        following=Exists(Follow.objects.filter(user=member, thread=OuterRef("pk"))),
    )
    thread = get_thread(request, pk, threads)
    number = _page_number(request, thread.page_count)
    first, last = (number - 1) * POSTS_PER_PAGE + 1, number * POSTS_PER_PAGE
    posts = list(
        thread.posts.filter(position__gte=first, position__lte=last)
        .select_related("author")
        .order_by("position")
    )
    read_up_to = thread.read_up_to or 0
    if posts:
        ReadPosition.advance(member, thread, posts[-1].position, known=thread.read_up_to)
    return render(
        request,
        "discussions/thread_detail.html",
        {
            "thread": thread,
            "posts": posts,
            "page_number": number,
            "pages": _page_links(thread, number),
            "read_up_to": read_up_to,
            "first_unread": read_up_to + 1 if read_up_to < thread.post_count else None,
            "following": thread.following,
            "attached": attachments.attached_object(thread),
            "form": ReplyForm() if not thread.locked else None,
            "is_moderator": is_moderator(member),
        },
    )


def _page_links(thread, current):
    """Page numbers to show: first, last, and two either side of the current one."""
    count = thread.page_count
    wanted = {1, count, *range(current - 2, current + 3)}
    numbers = sorted(n for n in wanted if 1 <= n <= count)
    links, previous = [], 0
    for n in numbers:
        if n - previous > 1:
            links.append({"gap": True})
        links.append({"number": n, "url": thread.page_url(n), "current": n == current})
        previous = n
    return links


@member_required
def thread_unread(request, pk):
    """Jump to the member's first unread post (or the last post when all is read)."""
    thread = get_thread(request, pk)
    read = (
        ReadPosition.objects.filter(user=request.user, thread=thread)
        .values_list("position", flat=True)
        .first()
    )
    return redirect(thread.url_of_position(min((read or 0) + 1, thread.post_count)))


@member_required
def post_permalink(request, pk):
    return redirect(get_post(request, pk).get_absolute_url())


MEMBER_POSTS_SHOWN = 20


@member_required
def member(request, handle):
    """Where an @mention leads: who the handle names, and their latest posts this person sees."""
    person = member_by_handle(handle)
    if person is None:
        raise Http404
    posts = Post.objects.filter(author=person, thread__in=visible_threads(request.user))
    if not is_moderator(request.user):
        posts = posts_every_member_sees(posts)
    posts = posts.select_related("thread").order_by("-created", "-pk")[:MEMBER_POSTS_SHOWN]
    return render(request, "discussions/member.html", {"person": person, "posts": posts})


# --- Writing ------------------------------------------------------------------------------


def _claim_token(request, token):
    """(key, earlier_url): earlier_url is not None when this form was already submitted.

    The cache holds the used tokens: a guard against posting twice, not a speed-up."""
    if not token:
        return None, None
    key = f"discussions:form-token:{request.user.pk}:{token}"
    if cache.add(key, "", TOKEN_TTL):
        return key, None
    return key, cache.get(key) or ""


def _post_once(request, token, write):
    """(what `write()` created, None), written in one transaction; or (None, the address of
    what this form already posted) when its token was used before: a double click or a resent
    form posts once. The token is released if writing fails, so the form can be sent again."""
    key, earlier = _claim_token(request, token)
    if earlier is not None:
        return None, earlier
    try:
        with transaction.atomic():
            created = write()
    except BaseException:
        if key:
            cache.delete(key)
        raise
    if key:
        cache.set(key, created.get_absolute_url(), TOKEN_TTL)
    return created, None


def _already_posted(request, earlier_url, fallback):
    messages.info(request, _("This was already posted; it was not posted twice."))
    return redirect(earlier_url or fallback)


def _recent_identical_reply(user, thread, body):
    since = timezone.now() - timezone.timedelta(seconds=DUPLICATE_WINDOW_SECONDS)
    return (
        thread.posts.filter(author=user, created__gte=since, position=thread.post_count)
        .filter(body=body)
        .first()
    )


@member_required
def thread_new(request):
    attached = attachments.from_request(request)
    initial = {}
    wanted = request.GET.get("category", "")
    # Only a slug can name a category (PostgreSQL would refuse a NUL byte, for one).
    if slug_unicode_re.match(wanted):
        initial["category"] = Category.objects.filter(Q(slug_en=wanted) | Q(slug_fr=wanted)).first()
    if attached and not initial.get("category"):
        # About a recommendation: the recommendations category, not the first in the list.
        initial["category"] = Category.objects.filter(default_for=attached[0]).first()
    form = ThreadForm(request.POST or None, initial=initial)
    preview = None
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "preview":
            preview = data["body"]
        elif wait := _rate_limited(request, "post", POST_RATES):
            return too_many_requests(request, wait, form)
        else:

            def start():
                thread, post = Thread.start(
                    data["category"],
                    request.user,
                    data["title"],
                    data["body"],
                    **attachments.as_fields(attached),
                )
                notices.post_created(post, mentioned_members(post.body, exclude=request.user))
                return thread

            thread, earlier = _post_once(request, data["token"], start)
            if thread is None:
                return _already_posted(request, earlier, data["category"].get_absolute_url())
            messages.success(request, _("Your thread is started. You follow it."))
            return redirect(thread)
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "discussions/thread_form.html",
        {"form": form, "preview": preview, "attached": attached},
        status=status,
    )


@member_required
def reply(request, pk):
    thread = get_thread(request, pk, Thread.objects.select_related("category"))
    if thread.locked:
        return _refuse(request, _("This thread is locked: it takes no more replies."))
    if thread.hidden:
        return _refuse(request, _("This thread is hidden by a moderator: it takes no replies."))
    initial = {}
    quote = attachments.as_id(request.GET.get("quote"))
    if quote is not None:
        # A quote copies the text for every member to read: never a hidden post's.
        quotable = posts_every_member_sees(thread.posts.select_related("author"))
        quoted = quotable.filter(pk=quote).first()
        if quoted:
            initial["body"] = _quote(quoted)
    form = ReplyForm(request.POST or None, initial=initial)
    preview = None
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "preview":
            preview = data["body"]
        elif wait := _rate_limited(request, "post", POST_RATES):
            return too_many_requests(request, wait, form)
        else:
            same = _recent_identical_reply(request.user, thread, data["body"])
            if same:
                return _already_posted(request, same.get_absolute_url(), "")

            def add():
                post = thread.add_reply(request.user, data["body"])
                notices.post_created(post, mentioned_members(post.body, exclude=request.user))
                return post

            post, earlier = _post_once(request, data["token"], add)
            if post is None:
                return _already_posted(request, earlier, thread.get_absolute_url())
            messages.success(request, _("Your reply is posted."))
            return redirect(post.get_absolute_url())
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "discussions/reply_form.html",
        {"thread": thread, "form": form, "preview": preview},
        status=status,
    )


def _quote(post):
    quoted = "\n".join(f"> {line}" if line else ">" for line in post.body.splitlines())
    intro = _("%(name)s wrote:") % {"name": member_name(post.author)}
    return f"> **{intro}**\n>\n{quoted}\n\n"


@member_required
def post_edit(request, pk):
    post = get_post(request, pk)
    if post.author_id != request.user.pk:
        return _refuse(request, _("You can only edit your own posts."))
    if post.hidden:
        return _refuse(request, _("This post is hidden by a moderator: it cannot be edited."))
    if post.thread.locked:
        return _refuse(request, _("This thread is locked: its posts cannot be edited."))
    form = EditForm(request.POST or None, initial={"body": post.body})
    preview = None
    status = 200
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data["body"]
        if request.POST.get("action") == "preview":
            preview = body
        elif body == post.body:
            messages.info(request, _("Nothing changed: the post was left as it was."))
            return redirect(post.get_absolute_url())
        elif wait := _rate_limited(request, "post", POST_RATES):
            return too_many_requests(request, wait, form)
        else:
            before = set(mentioned_members(post.body, exclude=request.user))
            with transaction.atomic():
                post.edit(body, request.user)
                added = [
                    u for u in mentioned_members(body, exclude=request.user) if u not in before
                ]
                notices.mentions_added(post, added)
            messages.success(request, _("Your post is updated and marked as edited."))
            return redirect(post.get_absolute_url())
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "discussions/post_edit.html",
        {"post": post, "thread": post.thread, "form": form, "preview": preview},
        status=status,
    )


@member_required
@require_POST
def follow(request, pk):
    thread = get_thread(request, pk)
    if request.POST.get("follow") == "1":
        Follow.start(request.user, thread, thread.post_count)
        messages.success(request, _("You follow this thread: new replies come by email."))
    else:
        Follow.objects.filter(user=request.user, thread=thread).delete()
        messages.success(request, _("You no longer follow this thread."))
    return redirect(thread)


@member_required
def flag(request, pk):
    post = get_post(request, pk)
    if post.author_id == request.user.pk:
        return _refuse(request, _("You cannot flag your own post. You can edit it instead."))
    if post.hidden:
        return _refuse(request, _("This post is already hidden by a moderator."))
    if Flag.objects.filter(post=post, user=request.user, resolved=False).exists():
        messages.info(request, _("You already flagged this post; the moderators will look at it."))
        return redirect(post.get_absolute_url())
    form = FlagForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if wait := _rate_limited(request, "flag", FLAG_RATES):
            return too_many_requests(request, wait, form)
        else:
            Flag.objects.create(post=post, user=request.user, **form.cleaned_data)
            messages.success(request, _("Thank you. The moderators will look at this post."))
            return redirect(post.get_absolute_url())
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "discussions/flag_form.html",
        {"post": post, "thread": post.thread, "form": form},
        status=status,
    )


# --- Unfollowing from an email (no sign-in: the signed token is the authority) ------------


@csrf_exempt  # one-click unsubscribe (RFC 8058) posts without a CSRF token
def unfollow_email(request, token):
    ids = read_unfollow_token(token)
    if ids is None:
        raise Http404
    user = get_user_model().objects.filter(pk=ids[0]).first()
    thread = Thread.objects.filter(pk=ids[1]).first()
    if user is None or thread is None:
        raise Http404
    done = False
    if request.method == "POST":
        Follow.objects.filter(user=user, thread=thread).delete()
        done = True
    # Someone who is no longer a member still gets to stop emails, but not to read the title.
    title = thread.title if shown_in_emails_to(user, thread) else None
    return render(request, "discussions/unfollow_email.html", {"title": title, "done": done})


# --- Moderation ---------------------------------------------------------------------------


@moderator_required
def moderation_queue(request):
    flags = (
        Flag.objects.filter(resolved=False)
        .select_related("post", "post__thread", "post__author", "user")
        .order_by("created")
    )
    page = Paginator(flags, 50).get_page(request.GET.get("page"))
    return render(request, "discussions/moderation_queue.html", {"page": page})


@moderator_required
def moderation_log(request):
    actions = ModerationAction.objects.select_related("moderator", "thread", "post")
    page = Paginator(actions, 50).get_page(request.GET.get("page"))
    return render(request, "discussions/moderation_log.html", {"page": page})


@moderator_required
def post_moderate(request, pk):
    post = get_post(request, pk)
    form = PostModerationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kind, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
        with transaction.atomic():
            if kind == ModerationAction.Kind.HIDE_POST:
                Post.objects.filter(pk=post.pk).update(hidden=True)
            elif kind == ModerationAction.Kind.RESTORE_POST:
                Post.objects.filter(pk=post.pk).update(hidden=False)
            # Whatever was decided, the post's open flags have been dealt with.
            post.flags.filter(resolved=False).update(
                resolved=True, resolved_by=request.user, resolved_at=timezone.now()
            )
            ModerationAction.objects.create(
                moderator=request.user, kind=kind, thread=post.thread, post=post, reason=reason
            )
            if kind == ModerationAction.Kind.HIDE_POST and not post.hidden:
                _tell_author(request, post.author, "hidden_post", post, reason)
        messages.success(request, _("Done. The action is recorded in the moderation log."))
        return redirect(post.get_absolute_url())
    return render(
        request,
        "discussions/post_moderate.html",
        {
            "post": post,
            "thread": post.thread,
            "form": form,
            "revisions": post.revisions.select_related("editor"),
            "flags": post.flags.filter(resolved=False).select_related("user"),
        },
        status=400 if form.errors else 200,
    )


THREAD_CHANGES = {
    ModerationAction.Kind.LOCK: {"locked": True},
    ModerationAction.Kind.UNLOCK: {"locked": False},
    ModerationAction.Kind.PIN: {"pinned": True},
    ModerationAction.Kind.UNPIN: {"pinned": False},
    ModerationAction.Kind.HIDE_THREAD: {"hidden": True},
    ModerationAction.Kind.RESTORE_THREAD: {"hidden": False},
}


@moderator_required
def thread_moderate(request, pk):
    thread = get_thread(request, pk, Thread.objects.select_related("category"))
    form = ThreadModerationForm(request.POST or None, initial={"category": thread.category})
    if request.method == "POST" and form.is_valid():
        kind, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
        detail = ""
        if kind == ModerationAction.Kind.MOVE:
            new = form.cleaned_data["category"]
            detail = f"{thread.category.name_en} → {new.name_en}"
            changes = {"category": new}
        else:
            changes = THREAD_CHANGES[kind]
        with transaction.atomic():
            Thread.objects.filter(pk=thread.pk).update(**changes)
            ModerationAction.objects.create(
                moderator=request.user, kind=kind, thread=thread, reason=reason, detail=detail
            )
            if kind == ModerationAction.Kind.HIDE_THREAD and not thread.hidden:
                _tell_author(request, thread.author, "hidden_thread", thread, reason)
        messages.success(request, _("Done. The action is recorded in the moderation log."))
        return redirect(thread)
    return render(
        request,
        "discussions/thread_moderate.html",
        {"thread": thread, "form": form},
        status=400 if form.errors else 200,
    )


def _tell_author(request, author, what, obj, reason):
    """The author hears, in their language, what a moderator did to their writing and why."""
    if author is None or author.pk == request.user.pk:
        return
    thread = obj if isinstance(obj, Thread) else obj.thread
    send_moderation_email(author, what, thread, obj.get_absolute_url(), reason)


@moderator_required
def post_moderator_edit(request, pk):
    """A moderator changes a post's text (say, to remove a phone number): the post says
    "edited by a moderator", the earlier text is kept, the act is logged and the author told."""
    post = get_post(request, pk)
    form = ModeratorEditForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        body, reason = form.cleaned_data["body"], form.cleaned_data["reason"]
        if body == post.body:
            form.add_error("body", _("The text is unchanged: edit it, or go back to the thread."))
        else:
            with transaction.atomic():
                post.edit(body, request.user, by_moderator=True)
                post.flags.filter(resolved=False).update(
                    resolved=True, resolved_by=request.user, resolved_at=timezone.now()
                )
                ModerationAction.objects.create(
                    moderator=request.user,
                    kind=ModerationAction.Kind.EDIT_POST,
                    thread=post.thread,
                    post=post,
                    reason=reason,
                )
                _tell_author(request, post.author, "edited_post", post, reason)
            messages.success(request, _("Done. The action is recorded in the moderation log."))
            return redirect(post.get_absolute_url())
    return render(
        request,
        "discussions/post_moderator_edit.html",
        {"post": post, "thread": post.thread, "form": form},
        status=400 if form.errors else 200,
    )
