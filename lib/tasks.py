import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives


@shared_task(
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError),
    retry_backoff=30,
    retry_jitter=True,
    max_retries=5,
    soft_time_limit=60,
    time_limit=90,
)
def deliver_email(to, subject, text, html=None, headers=None, from_email=None):
    message = EmailMultiAlternatives(
        subject, text, from_email or settings.DEFAULT_FROM_EMAIL, to, headers=headers or {}
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
