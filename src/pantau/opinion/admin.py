from django.contrib import admin

from .models import FetchRun, Mention, Source, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "active", "updated_at"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["sources", "visible_to_users", "visible_to_groups"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "last_run_at", "interval_minutes", "active"]
    list_filter = ["kind", "status", "active"]


@admin.register(FetchRun)
class FetchRunAdmin(admin.ModelAdmin):
    list_display = ["source", "started_at", "finished_at", "fetched", "new", "duplicates", "error"]
    list_filter = ["source"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["published_at", "kind", "site", "title", "language", "region", "sentiment"]
    list_filter = ["kind", "language", "sentiment"]
    search_fields = ["title", "text"]
    raw_id_fields = ["source", "cluster", "duplicate_of", "complaint", "region", "sentiment_corrected_by"]
