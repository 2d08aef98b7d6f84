"""Admin: cases are changed only through actions; the audit log and evidence are read-only."""

from __future__ import annotations

from django.contrib import admin

from .models import AuditEntry, Case, Evidence, HolidayYear, Officer, Review, Team, Transfer


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("seq", "at", "actor", "action", "object_type", "object_id", "hash")
    list_filter = ("action", "object_type")
    search_fields = ("actor", "object_id")


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ("case", "kind", "description", "sha256", "recorded_by", "recorded_at")


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ("number", "procedure", "status", "party_name", "situation_id", "team", "clue_at")
    list_filter = ("procedure", "status", "team")
    search_fields = ("number", "party_name", "facts")


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = ("case", "kind", "reviewer", "passed", "at")


@admin.register(Transfer)
class TransferAdmin(ReadOnlyAdmin):
    list_display = ("case", "direction", "agency", "status", "crime_suspected", "created_at")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "town")


@admin.register(Officer)
class OfficerAdmin(admin.ModelAdmin):
    list_display = ("user", "cert_no", "team")


@admin.register(HolidayYear)
class HolidayYearAdmin(admin.ModelAdmin):
    list_display = ("year", "updated_by", "updated_at")

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
