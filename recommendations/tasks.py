"""Celery tasks of the tracker: making a briefing file that takes too long for a request."""

import datetime

from celery import shared_task
from django.core.cache import cache
from django.utils import translation

from recommendations import briefing


@shared_task(soft_time_limit=120, time_limit=150)
def build_briefing(key, fmt, language, wanted, day):
    """Make the briefing file kept under `key` (briefing.cache_key), for the page that waits."""
    try:
        with translation.override(language):
            briefing.build_file(key, fmt, wanted, datetime.date.fromisoformat(day))
    finally:
        cache.delete(pending_key(key))


def pending_key(key):
    return f"{key}:pending"


def queue_once(key, fmt, wanted, day):
    """Queue the task unless it is queued already (for two minutes: a lost task is queued
    again by the next refresh of the waiting page)."""
    if cache.add(pending_key(key), True, 120):
        build_briefing.delay(key, fmt, translation.get_language(), wanted, day.isoformat())
