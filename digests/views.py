"""The digest's pages: its settings (signed in), and unsubscribing from an email (no sign-in).

Unsubscribe links carry a signed token naming the member. Opening the link changes nothing (mail
scanners follow links): the page offers a lower frequency, then "no more digests", and a button
press acts, with no cookie needed (the token is the proof). The RFC 8058 one-click POST, sent by
mail clients, stops the digest at once.
"""

import logging
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from digests import content, emails
from digests.emails import read_unsubscribe_token
from digests.forms import PreferencesForm, UnsubscribeForm
from digests.models import DeliveryStatus, DigestDelivery, DigestPreferences
from workinggroup.models import DigestFrequency, MemberProfile

log = logging.getLogger(__name__)

# As they read inside a sentence ("…, on Monday."): French writes them in lower case.
WEEKDAYS = {
    0: pgettext_lazy("inside a sentence", "Monday"),
    1: pgettext_lazy("inside a sentence", "Tuesday"),
    2: pgettext_lazy("inside a sentence", "Wednesday"),
    3: pgettext_lazy("inside a sentence", "Thursday"),
    4: pgettext_lazy("inside a sentence", "Friday"),
    5: pgettext_lazy("inside a sentence", "Saturday"),
    6: pgettext_lazy("inside a sentence", "Sunday"),
}


@login_required
def preferences(request):
    instance = DigestPreferences.objects.filter(user=request.user).first()
    instance = instance or DigestPreferences(user=request.user)
    form = PreferencesForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your digest settings are saved."))
        return redirect("digests:settings")
    profile = MemberProfile.objects.filter(user=request.user).first()
    context = {
        "form": form,
        "forms": [form],
        "profile": profile,
        "weekday": WEEKDAYS[profile.digest_weekday] if profile else "",
    }
    return render(request, "digests/preferences.html", context)


# "Your digests": the last twelve months of digests that went out, or may have (unknown), or that
# the mail server refused: a lost email never means lost news.
HISTORY = timedelta(days=365)
KEPT = (DeliveryStatus.SENT, DeliveryStatus.UNKNOWN, DeliveryStatus.FAILED)


def _kept(user):
    return DigestDelivery.objects.filter(
        user=user, status__in=KEPT, window_end__gte=timezone.now() - HISTORY
    )


def _days(delivery):
    """The first and last days a digest covers, local time."""
    last = delivery.window_end - timedelta(microseconds=1)
    return timezone.localdate(delivery.window_start), timezone.localdate(last)


@login_required
def history(request):
    deliveries = list(_kept(request.user).order_by("-window_end", "-pk"))
    rows = [(delivery, *_days(delivery)) for delivery in deliveries]
    return render(request, "digests/history.html", {"rows": rows})


@login_required
def detail(request, pk):
    """One digest, rebuilt from its window in the page's language (what is still published)."""
    delivery = get_object_or_404(_kept(request.user), pk=pk)
    reader = content.load_readers([request.user])[request.user.pk]
    sources = content.load_sources([reader], delivery.window_start, delivery.window_end)
    digest = content.build_digest(reader, delivery.window_start, delivery.window_end, sources)
    first_day, last_day = _days(delivery)
    context = {
        **emails.web_copy(delivery, digest, get_language()),
        "delivery": delivery,
        "first_day": first_day,
        "last_day": last_day,
    }
    return render(request, "digests/detail.html", context)


def _member_from_token(request, token):
    """(user, None), or (None, an error page) for a link that is tampered, expired or stale."""
    try:
        user_id = read_unsubscribe_token(token)
    except signing.SignatureExpired:
        return None, _link_problem(request, expired=True)
    except signing.BadSignature:
        return None, _link_problem(request, expired=False)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None, _link_problem(request, expired=False)
    return user, None


def _link_problem(request, expired):
    return render(request, "digests/link_problem.html", {"expired": expired}, status=400)


def _set_frequency(user, frequency, how):
    MemberProfile.objects.filter(user=user).update(
        digest_frequency=frequency, updated_at=timezone.now()
    )
    log.info("digest frequency of user %s set to %s (%s)", user.pk, frequency, how)


# The signed token is the proof, as for one-click: the buttons work with cookies blocked (a mail
# client's browser, a privacy setting), and a forged request cannot know the member's token.
@csrf_exempt
def unsubscribe(request, token):
    user, problem = _member_from_token(request, token)
    if problem:
        return problem
    # Read, never created here: opening the link must change nothing.
    profile = MemberProfile.objects.filter(user=user).first() or MemberProfile(user=user)
    done = None
    if request.method == "POST":
        form = UnsubscribeForm(request.POST)
        # Weekly is offered only to daily readers; anything else stops the digest.
        if form.is_valid():
            choice = form.cleaned_data["choice"]
            if (
                choice == DigestFrequency.WEEKLY
                and profile.digest_frequency != DigestFrequency.DAILY
            ):
                choice = DigestFrequency.OFF
            _set_frequency(user, choice, "unsubscribe page")
            profile.digest_frequency = done = choice
    return render(
        request,
        "digests/unsubscribe.html",
        {
            "profile": profile,
            "done": done,
            "weekday": WEEKDAYS[profile.digest_weekday],
        },
    )


@csrf_exempt  # RFC 8058: mail clients post without a CSRF token; the signed token is the proof
def one_click(request, token):
    if request.method != "POST":
        # Someone opened the header's link in a browser: show the page that asks first.
        return redirect("digests:unsubscribe", token=token)
    user, problem = _member_from_token(request, token)
    if problem:
        return problem
    _set_frequency(user, DigestFrequency.OFF, "one-click")
    return render(
        request,
        "digests/unsubscribe.html",
        {"profile": None, "done": DigestFrequency.OFF},
    )
