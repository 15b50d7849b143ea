"""The notification centre: one page, works without JavaScript (links and small forms)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from notifications import inbox
from notifications.models import Notification

PER_PAGE = 30


@login_required
def inbox_page(request):
    """The person's notifications, newest first, unread ones marked; the targets come with one
    query per kind of target (not one per notification)."""
    notifications = (
        Notification.objects.filter(recipient=request.user)
        .select_related("actor")
        .prefetch_related("target")
    )
    page = Paginator(notifications, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/inbox.html",
        {"page": page, "unread": inbox.unread_count(request.user)},
    )


@login_required
def open_notification(request, pk):
    """Follow a notification to its place; it is read from then on."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        Notification.objects.filter(pk=pk).update(read_at=timezone.now())
    url = notification.target_url()
    if not url:
        messages.info(request, _("What this notification was about is no longer there."))
        return redirect("notifications:inbox")
    return redirect(url)


@login_required
@require_POST
def mark_read(request, pk):
    inbox.mark_read(request.user, pk)
    return redirect(_back(request))


@login_required
@require_POST
def mark_all_read(request):
    if inbox.mark_all_read(request.user):
        messages.success(request, _("All your notifications are marked as read."))
    return redirect(_back(request))


def _back(request):
    """Back to the inbox page the form was on (a page number only, never another address)."""
    page = request.POST.get("page", "")
    url = Notification.inbox_url()
    return f"{url}?page={page}" if page.isascii() and page.isdigit() and page != "1" else url
