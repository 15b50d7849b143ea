import re
import uuid

import markdown as markdown_lib
from django import forms
from django.utils.translation import gettext_lazy as _

from discussions.models import Category, FlagReason, ModerationAction
from lib.forms import LongTextField
from lib.text import SHOWN_TEXT_VALIDATORS

MAX_POST_LENGTH = 20_000
# Looked for in the Markdown's HTML before sanitising: code spans are escaped by then, so writing
# about `<script>` in backticks is fine; a live script, frame or event handler is refused.
DANGEROUS_HTML = re.compile(
    r"<\s*(script|iframe|object|embed|style|form|svg|math)\b"
    r"|\son[a-z]+\s*="
    r"|(href|src)\s*=\s*[\"']?\s*(javascript|vbscript|data):",
    re.IGNORECASE,
)


def validate_post_body(text):
    if DANGEROUS_HTML.search(markdown_lib.markdown(text, extensions=["extra"])):
        raise forms.ValidationError(
            _(
                "Remove the script, frame or event handler: posts take Markdown formatting "
                "(bold, lists, links), not active HTML."
            ),
            code="dangerous_html",
        )


class PostBodyField(LongTextField):
    widget = forms.Textarea(attrs={"rows": 8})

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Your message"))
        kwargs.setdefault(
            "help_text",
            _(
                "Markdown: **bold**, *italics*, - lists, [link](https://…). "
                "Mention a member with @name."
            ),
        )
        kwargs.setdefault("max_length", MAX_POST_LENGTH)
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Write a message before posting."),
                "max_length": _(
                    "Your message is %(show_value)s characters long; the limit is %(limit_value)s. "
                    "Shorten it or split it into two posts."
                ),
            },
        )
        super().__init__(**kwargs)
        self.validators.append(validate_post_body)


class WritingForm(forms.Form):
    """A form that writes: a token against double submits, and the Preview button."""

    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4().hex)

    def clean_token(self):
        token = self.cleaned_data.get("token", "")
        return token if re.fullmatch(r"[0-9a-f]{32}", token or "") else ""


class ReplyForm(WritingForm):
    body = PostBodyField()


class ThreadForm(WritingForm):
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of the categories in the list.")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("One line that says what the thread is about."),
        validators=SHOWN_TEXT_VALIDATORS,
        error_messages={
            "required": _("Give the thread a title."),
            "max_length": _("Keep the title under %(limit_value)s characters."),
        },
    )
    body = PostBodyField()

    field_order = ["category", "title", "body", "token"]

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())


class EditForm(forms.Form):
    body = PostBodyField()


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason.")},
    )
    details = forms.CharField(
        label=_("Details for the moderators (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Do not repeat the personal information you are reporting."),
    )


REASON_FIELD = {
    "label": _("Why (recorded in the moderation log)"),
    "max_length": 1000,
    "widget": forms.Textarea(attrs={"rows": 3}),
    "error_messages": {"required": _("Say why: every moderation action is recorded.")},
}

Kind = ModerationAction.Kind


class PostModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        widget=forms.RadioSelect,
        choices=[
            (Kind.HIDE_POST, _("Hide the post")),
            (Kind.RESTORE_POST, _("Restore the post")),
            (Kind.DISMISS_FLAGS, _("Keep the post and dismiss its flags")),
        ],
        error_messages={"required": _("Choose an action.")},
    )
    reason = forms.CharField(**REASON_FIELD)


class ThreadModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        widget=forms.RadioSelect,
        choices=[
            (Kind.LOCK, _("Lock: no more replies")),
            (Kind.UNLOCK, _("Unlock")),
            (Kind.PIN, _("Pin to the top of its category")),
            (Kind.UNPIN, _("Unpin")),
            (Kind.MOVE, _("Move to another category")),
            (Kind.HIDE_THREAD, _("Hide the whole thread")),
            (Kind.RESTORE_THREAD, _("Restore the thread")),
        ],
        error_messages={"required": _("Choose an action.")},
    )
    category = forms.ModelChoiceField(
        label=_("New category (when moving)"),
        queryset=Category.objects.all(),
        required=False,
    )
    reason = forms.CharField(**REASON_FIELD)

    def clean(self):
        data = super().clean()
        if data.get("action") == Kind.MOVE and not data.get("category"):
            self.add_error("category", _("Choose the category to move the thread to."))
        return data


class ModeratorEditForm(forms.Form):
    body = PostBodyField(label=_("The post's text"), help_text=_("The author is told by email."))
    reason = forms.CharField(**REASON_FIELD)
