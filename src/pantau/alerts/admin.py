from django.contrib import admin

from .models import Alert, Delivery, Subscription, TopicAlertSettings


@admin.register(TopicAlertSettings)
class TopicAlertSettingsAdmin(admin.ModelAdmin):
    list_display = ["topic", "enabled", "window_hours", "baseline_days", "k", "min_count", "webhook_url"]


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    readonly_fields = ["channel", "target", "status", "attempts", "next_attempt_at", "last_error", "sent_at"]


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["created_at", "topic", "kind", "observed", "expected", "score", "delivered_at"]
    list_filter = ["kind", "topic"]
    raw_id_fields = ["top_mentions"]
    inlines = [DeliveryInline]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "immediate", "digest", "last_digest_at"]
    filter_horizontal = ["topics"]
