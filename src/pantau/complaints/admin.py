from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import (
    CalendarOverride,
    Category,
    ColumnMapping,
    Complaint,
    ComplaintEvent,
    FollowUp,
    ImportBatch,
    PersonalDataAccess,
)
from .sla import recompute_deadlines


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EventInline(ReadOnlyInline):
    model = ComplaintEvent
    fields = ("occurred_at", "kind", "field", "old_value", "new_value", "batch")


class FollowUpInline(ReadOnlyInline):
    model = FollowUp
    fields = ("posted_at", "agency", "text")


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ("tracking_id", "title", "agency", "status", "received_at", "resolve_state")
    list_filter = ("status", "kind", "channel", "resolve_state", "agency")
    search_fields = ("tracking_id", "title")
    date_hierarchy = "received_at"
    list_select_related = ("agency",)
    raw_id_fields = ("agency", "category", "region", "last_batch")
    inlines = [FollowUpInline, EventInline]
    readonly_fields = ("dispose_due_at", "dispose_state", "follow_up_due_at", "follow_up_state",
                       "resolve_due_at", "resolve_state", "row_hash", "last_batch", "created_at", "updated_at")

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if not request.user.has_perm("complaints.view_personal_data"):
            fields = [f for f in fields if not f.startswith("reporter_")]
        return fields


@admin.register(ComplaintEvent)
class ComplaintEventAdmin(admin.ModelAdmin):
    list_display = ("complaint", "kind", "field", "old_value", "new_value", "occurred_at", "batch")
    list_filter = ("kind",)
    raw_id_fields = ("complaint", "batch", "user")

    # Append-only: visible, never edited or deleted.
    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("__str__", "parent")
    search_fields = ("name",)


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ("file_name", "started_at", "user", "outcome", "counts")
    list_filter = ("outcome",)
    readonly_fields = [f.name for f in ImportBatch._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(ColumnMapping)
class ColumnMappingAdmin(admin.ModelAdmin):
    list_display = ("name", "updated_at")


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ("date", "is_holiday", "reason", "created_by")
    list_filter = ("is_holiday",)

    def save_model(self, request, obj, form, change):
        if not obj.created_by_id:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        recompute_deadlines()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        recompute_deadlines()


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "complaint", "via")
    raw_id_fields = ("complaint", "user")

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


admin.site.site_header = _("Pantau administration")
admin.site.site_title = "Pantau"
