from django.contrib import admin

from counterpart.core.admin import ReadOnlyAdmin
from counterpart.places.models import Organization, Region


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ["code", "name_en", "name_zh", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name_en", "name_zh"]


@admin.register(Organization)
class OrganizationAdmin(ReadOnlyAdmin):
    list_display = ["code", "name_en", "name_zh", "kind", "region", "parent"]
    list_filter = ["kind"]
    search_fields = ["code", "name_en", "name_zh"]
