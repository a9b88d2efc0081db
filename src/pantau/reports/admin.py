from django.contrib import admin

from .models import LegalBasis, Report, ReportSettings


@admin.register(ReportSettings)
class ReportSettingsAdmin(admin.ModelAdmin):
    list_display = ["office", "signer_name"]


@admin.register(LegalBasis)
class LegalBasisAdmin(admin.ModelAdmin):
    list_display = ["order", "title", "active"]
    list_editable = ["active"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["period", "version", "state", "finalized_at"]
    readonly_fields = ["data", "finalized_at", "finalized_by"]
