from allauth.account.adapter import DefaultAccountAdapter
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from lib.emails import send_email
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
        with translation.override(language):
            context = {**context, "current_site": context.get("current_site")}
            subject = self.format_email_subject(
                render_to_string(f"{template_prefix}_subject.txt", context).strip()
            )
            text = render_to_string(f"{template_prefix}_message.txt", context)
            try:
                html = render_to_string(f"{template_prefix}_message.html", context)
            except TemplateDoesNotExist:
                html = None
        send_email([email], " ".join(subject.split()), text, html)
