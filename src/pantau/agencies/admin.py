from django.contrib import admin

from .models import Agency, Region


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "slug", "kind", "active")
    list_filter = ("kind", "active")
    search_fields = ("name", "short_name", "slug")
    prepopulated_fields = {"slug": ("short_name",)}
    filter_horizontal = ("admins",)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "slug")
