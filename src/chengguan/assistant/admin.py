"""Admin: match feedback (read-only) and the legal office's catalog edits (validated, versioned)."""

from __future__ import annotations

import yaml
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from .catalog_edits import EditRefused, parse, validate
from .models import MatchFeedback, SituationVersion


@admin.register(MatchFeedback)
class MatchFeedbackAdmin(admin.ModelAdmin):
    list_display = ("created_at", "correct", "proposed", "right_situation", "text", "user")
    list_filter = ("correct",)
    readonly_fields = [f.name for f in MatchFeedback._meta.fields]

    def has_add_permission(self, request):
        return False


class SituationEditForm(forms.ModelForm):
    yaml_text = forms.CharField(label="违法情形（YAML）", widget=forms.Textarea(attrs={"rows": 30, "cols": 100}),
                                help_text="格式见 data/rules/SCHEMA.md；保存前按条文原文校验引用和罚款幅度")

    class Meta:
        model = SituationVersion
        fields = ["comment"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sid = self.initial.get("situation_id") or (self.data.get("situation_id") if self.data else None)
        if sid and not self.data:
            from ..rules.catalog import get_catalog

            s = get_catalog().situation(sid)
            if s:
                self.initial["yaml_text"] = yaml.safe_dump(s.authoring_dict(), allow_unicode=True, sort_keys=False)

    def clean_yaml_text(self):
        text = self.cleaned_data["yaml_text"]
        try:
            validate(parse(text))
        except EditRefused as e:
            raise ValidationError(["修订被拒绝：" + p for p in e.problems]) from e
        return text


@admin.register(SituationVersion)
class SituationVersionAdmin(admin.ModelAdmin):
    list_display = ("situation_id", "version", "comment", "author", "created_at")
    search_fields = ("situation_id", "comment")
    form = SituationEditForm

    def has_change_permission(self, request, obj=None):
        return False  # a version is never changed; a new edit makes a new version

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        from ..cases.roles import ADMIN, REVIEWER, roles_of

        return bool(roles_of(request.user) & {REVIEWER, ADMIN})

    def has_view_permission(self, request, obj=None):
        return request.user.is_staff

    def has_module_permission(self, request):
        return request.user.is_staff

    def get_readonly_fields(self, request, obj=None):
        return ["situation_id", "version", "data", "changes", "comment", "author", "created_at"] if obj else []

    def save_model(self, request, obj, form, change):
        from .catalog_edits import save_edit

        v = save_edit(request.user, form.cleaned_data["yaml_text"], form.cleaned_data["comment"])
        obj.pk = v.pk
