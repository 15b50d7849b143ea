"""The catalogue's work in the background."""

from celery import shared_task

from practices import catalogue


@shared_task
def rebuild_match_bitmaps():
    """Nightly: the words that have become common get their bitmap (practices/bitmaps.py); the
    triggers keep every bitmap exact in between."""
    return catalogue.rebuild_match_bitmaps()
