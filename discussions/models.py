"""Members-only discussions: categories, threads, posts, and what members and moderators do to them.

Listing must stay fast with tens of thousands of threads and thousands of posts per thread, so a
thread keeps its reply count and last activity, and each post its position in the thread: page N
of a thread is the posts whose position lies in one range, and "first unread" is one number.
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from discussions import rendering

POSTS_PER_PAGE = 20
THREADS_PER_PAGE = 25


class Category(models.Model):
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    # One slug per language, so each language's URL reads in that language.
    slug_en = models.SlugField(_("slug (English)"), max_length=120, unique=True)
    slug_fr = models.SlugField(_("slug (French)"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The category a thread started from a practice or a recommendation page is put in at first.
    default_for = models.CharField(
        _("default category for threads about"),
        max_length=20,
        blank=True,
        choices=[("practice", _("a practice")), ("recommendation", _("a recommendation"))],
    )

    class Meta:
        ordering = ["order", "slug_en"]
        verbose_name = _("discussion category")
        verbose_name_plural = _("discussion categories")
        constraints = [
            models.UniqueConstraint(
                fields=["default_for"], condition=~Q(default_for=""), name="category_default_for"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("discussions:category", kwargs={"slug": self.slug})

    @property
    def slug(self):
        return self.slug_fr if translation.get_language() == "fr" else self.slug_en


class ThreadQuerySet(models.QuerySet):
    def in_listing_order(self):
        return self.order_by("-pinned", "-last_activity", "-pk")


class Thread(models.Model):
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=200)
    # The language its author wrote the title in (the interface's when they wrote it): pages in
    # the other language mark it, so it is read and spoken in its own (blank: not known).
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, blank=True, default=""
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
    )
    # What the thread discusses, if anything: it then shows as "Discussion (N)" on that page.
    practice = models.ForeignKey(
        "practices.PromisingPractice",
        verbose_name=_("practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
    )
    recommendation = models.ForeignKey(
        "recommendations.Recommendation",
        verbose_name=_("recommendation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
    )
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    # Denormalised for listing: the opening post is position 1, replies follow.
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    last_activity = models.DateTimeField(_("last activity"), default=timezone.now)
    created = models.DateTimeField(_("created"), default=timezone.now)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            # The category page: pinned first, then most recent activity.
            models.Index(
                "category",
                F("pinned").desc(),
                F("last_activity").desc(),
                F("id").desc(),
                name="thread_listing_order",
            ),
            models.Index(fields=["created"], name="thread_created"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("discussions:thread", kwargs={"pk": self.pk})

    @property
    def post_count(self):
        return self.reply_count + 1

    @property
    def page_count(self):
        return page_of(self.post_count)

    def page_url(self, page, position=None):
        url = self.get_absolute_url()
        if page > 1:
            url += f"?page={page}"
        if position:
            url += f"#p{position}"
        return url

    def url_of_position(self, position):
        return self.page_url(page_of(position), position)

    @classmethod
    @transaction.atomic
    def start(cls, category, author, title, body, language=None, **attachments):
        language = language or translation.get_language() or ""
        thread = cls.objects.create(
            category=category, author=author, title=title, language=language, **attachments
        )
        post = Post.objects.create(
            thread=thread,
            author=author,
            body=body,
            language=language,
            position=1,
            created=thread.created,
        )
        Follow.start(author, thread, post.position)
        if author is not None:  # the author has read what they wrote: it is never "new" to them
            ReadPosition.objects.create(user=author, thread=thread, position=post.position)
        return thread, post

    @transaction.atomic
    def add_reply(self, author, body, language=None):
        """Append a post. The UPDATE locks the thread row, so concurrent replies get distinct
        positions (the unique constraint is the backstop)."""
        now = timezone.now()
        Thread.objects.filter(pk=self.pk).update(
            reply_count=F("reply_count") + 1, last_activity=now
        )
        self.refresh_from_db(fields=["reply_count", "last_activity"])
        post = Post.objects.create(
            thread=self,
            author=author,
            body=body,
            language=language or translation.get_language() or "",
            position=self.post_count,
            created=now,
        )
        Follow.start(author, self, post.position)
        # A member who had read up to here has read their own reply too; replies they have not
        # read yet stay unread (the template never marks their own posts new either way).
        ReadPosition.objects.filter(
            user=author, thread=self, position__gte=post.position - 1
        ).update(position=post.position)
        return post


def page_of(position):
    return max(1, (position + POSTS_PER_PAGE - 1) // POSTS_PER_PAGE)


class Post(models.Model):
    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_posts",
    )
    body = models.TextField(_("text"))
    # As Thread.language, for the post's text.
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, blank=True, default=""
    )
    # Markdown converted at write time; never output without cleaning (see rendering.py).
    body_html = models.TextField(editable=False, blank=True)
    position = models.PositiveIntegerField(_("position in the thread"))
    created = models.DateTimeField(_("created"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    # Set when a moderator changed the text: the post then says so to every reader.
    moderator_edited_at = models.DateTimeField(_("edited by a moderator"), null=True, blank=True)
    hidden = models.BooleanField(_("hidden by a moderator"), default=False)

    class Meta:
        ordering = ["thread", "position"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(fields=["thread", "position"], name="post_position_unique")
        ]
        indexes = [models.Index(fields=["author", "created"], name="post_author_created")]

    def __str__(self):
        return f"{self.thread} #{self.position}"

    def save(self, *args, **kwargs):
        self.body_html = rendering.convert(self.body)
        if kwargs.get("update_fields") is not None and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.thread.url_of_position(self.position)

    @transaction.atomic
    def edit(self, body, editor, by_moderator=False):
        """Keep the earlier text for moderators, then replace it."""
        PostRevision.objects.create(post=self, body=self.body, editor=editor)
        self.body = body
        self.edited_at = timezone.now()
        fields = ["body", "edited_at"]
        if by_moderator:
            self.moderator_edited_at = self.edited_at
            fields.append("moderator_edited_at")
        self.save(update_fields=fields)


class PostRevision(models.Model):
    """Text a post had before an edit; shown to moderators only."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="revisions"
    )
    body = models.TextField(_("earlier text"))
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("edited by"), null=True, on_delete=models.SET_NULL
    )
    replaced_at = models.DateTimeField(_("replaced"), default=timezone.now)

    class Meta:
        ordering = ["-replaced_at", "-pk"]
        verbose_name = _("post revision")
        verbose_name_plural = _("post revisions")

    def __str__(self):
        return f"{self.post} @ {self.replaced_at:%Y-%m-%d %H:%M}"


class ReadPosition(models.Model):
    """The last post a member has seen in a thread."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_positions")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="read_position_unique")
        ]

    def __str__(self):
        return f"{self.user} read {self.thread} to #{self.position}"

    @classmethod
    def advance(cls, user, thread, position, known):
        """Move the member's mark forward (never back) to `position`; one query. `known` is
        the mark as read with the page (None: the member has none yet)."""
        if known is None:
            cls.objects.bulk_create(
                [cls(user=user, thread=thread, position=position)], ignore_conflicts=True
            )
        elif known < position:
            cls.objects.filter(user=user, thread=thread, position__lt=position).update(
                position=position
            )


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_follows"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    created = models.DateTimeField(default=timezone.now)
    # Replies up to this position have been emailed (or were the follower's own).
    last_notified_position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="follow_unique")]

    def __str__(self):
        return f"{self.user} follows {self.thread}"

    @classmethod
    def start(cls, user, thread, position):
        """Follow from `position` on; an existing follow is kept as it is."""
        cls.objects.bulk_create(
            [cls(user=user, thread=thread, last_notified_position=position)],
            ignore_conflicts=True,
        )


class Mention(models.Model):
    """A member mentioned in a post; the row is created when their email is queued."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    notified_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="mention_unique")]

    def __str__(self):
        return f"{self.user} in {self.post}"


class FlagReason(models.TextChoices):
    PERSONAL_INFORMATION = "personal", _("Contains personal information")
    OFFENSIVE = "offensive", _("Offensive or disrespectful")
    SPAM = "spam", _("Spam or advertising")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Something else")


class Flag(models.Model):
    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="flags"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("flagged by"), on_delete=models.CASCADE
    )
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    details = models.TextField(_("details"), blank=True, max_length=1000)
    created = models.DateTimeField(_("flagged"), default=timezone.now)
    resolved = models.BooleanField(_("resolved"), default=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        ordering = ["created"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            # One open flag per member per post: flagging twice changes nothing.
            models.UniqueConstraint(
                fields=["post", "user"], condition=Q(resolved=False), name="flag_open_unique"
            )
        ]
        indexes = [models.Index(fields=["resolved", "created"], name="flag_queue")]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post}"


class ModerationAction(models.Model):
    class Kind(models.TextChoices):
        HIDE_POST = "hide_post", _("Hid a post")
        RESTORE_POST = "restore_post", _("Restored a post")
        DISMISS_FLAGS = "dismiss_flags", _("Dismissed the flags on a post")
        HIDE_THREAD = "hide_thread", _("Hid a thread")
        RESTORE_THREAD = "restore_thread", _("Restored a thread")
        LOCK = "lock", _("Locked a thread")
        UNLOCK = "unlock", _("Unlocked a thread")
        PIN = "pin", _("Pinned a thread")
        UNPIN = "unpin", _("Unpinned a thread")
        MOVE = "move", _("Moved a thread")
        EDIT_POST = "edit_post", _("Edited a post")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("moderator"), null=True, on_delete=models.SET_NULL
    )
    kind = models.CharField(_("action"), max_length=20, choices=Kind.choices)
    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="moderation"
    )
    post = models.ForeignKey(
        Post, verbose_name=_("post"), null=True, blank=True, on_delete=models.CASCADE
    )
    reason = models.TextField(_("why"))
    # e.g. the categories a thread moved between, in the moderator's words at the time.
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    created = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.thread}"
