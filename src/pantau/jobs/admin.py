from django.contrib import admin

from .models import Escalation, JobRun, Notification, NotificationPreference


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ("name", "slot", "outcome", "attempts", "started_at", "duration_ms", "worker")
    list_filter = ("name", "outcome")
    readonly_fields = [f.name for f in JobRun._meta.fields]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("recipient", "kind", "key", "state", "attempts", "next_attempt_at", "sent_at")
    list_filter = ("kind", "state")
    search_fields = ("recipient", "subject")
    readonly_fields = ("created_at", "sent_at", "claimed_at")


admin.site.register(NotificationPreference)
admin.site.register(Escalation)
