from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from digests import ledger, runs, tasks
from digests.models import DeliveryStatus, DigestDelivery, DigestPreferences
from workinggroup import roles


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    """The ledger: what was sent to whom and when. Read-only: runs write it, people read it; the
    one thing an administrator does here is send again a digest whose fate is unknown."""

    change_list_template = "admin/digests/digestdelivery/change_list.html"

    list_display = [
        "user",
        "period",
        "period_key",
        "status",
        "sent_at",
        "item_count",
        "language",
        "attempts",
        "note",
    ]
    list_filter = ["status", "period", "language"]
    search_fields = ["user__email", "period_key"]
    date_hierarchy = "window_end"
    list_select_related = ["user"]
    show_full_result_count = False
    readonly_fields = [
        "user",
        "period",
        "period_key",
        "window_start",
        "window_end",
        "status",
        "claimed_at",
        "lease_until",
        "handed_over_at",
        "queued_at",
        "attempts",
        "sent_at",
        "language",
        "item_count",
        "note",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("unknown/", wrap(self.unknown_view), name="digests_digestdelivery_unknown"),
            path(
                "<int:pk>/send-again/",
                wrap(require_POST(self.send_again_view)),
                name="digests_digestdelivery_send_again",
            ),
        ] + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "ledger": runs.ledger_state()}
        return super().changelist_view(request, extra_context)

    def unknown_view(self, request):
        """Digests whose fate is unknown: the member, the period, when it was handed over."""
        _require_administrator(request)
        deliveries = ledger.unknown().select_related("user").order_by("handed_over_at", "pk")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Digests whose fate is unknown"),
            "deliveries": deliveries,
        }
        return TemplateResponse(request, "admin/digests/digestdelivery/unknown.html", context)

    def send_again_view(self, request, pk):
        _require_administrator(request)
        delivery = get_object_or_404(DigestDelivery, pk=pk)
        if runs.send_again(delivery.pk, timezone.now()):
            tasks.queue_again(delivery.pk)
            messages.success(
                request,
                _("The digest of %(member)s for %(period)s is sent again.")
                % {"member": delivery.user, "period": delivery.period_key},
            )
        elif delivery.status != DeliveryStatus.UNKNOWN:
            messages.info(request, _("This digest is no longer unknown: nothing was done."))
        return redirect("admin:digests_digestdelivery_unknown")


def _require_administrator(request):
    if not roles.has_role(request.user, roles.ADMINISTRATOR):
        raise PermissionDenied


@admin.register(DigestPreferences)
class DigestPreferencesAdmin(admin.ModelAdmin):
    list_display = ["user", "updated_at"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
    filter_horizontal = ["regions", "themes"]
