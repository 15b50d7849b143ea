from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from lib.emails import render_email, send_email
from workinggroup import roles


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Self sign-up: the sector-user role only, and the language they signed up in."""
        user.preferred_language = (translation.get_language() or "en")[:2]
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            roles.grant(user, roles.SECTOR_USER)
        return user

    def send_mail(self, template_prefix, email, context):
        """Render now, in the recipient's language; deliver through Celery."""
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        subject, text, html = render_email(template_prefix, context, language, "_message")
        send_email([email], self.format_email_subject(subject), text, html)
