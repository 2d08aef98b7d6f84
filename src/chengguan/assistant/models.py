"""Stored by the assistant: feedback on matches (for later evaluation)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class MatchFeedback(models.Model):
    """正确/不正确 feedback on a matcher candidate, with the situation the officer says is right."""

    text = models.TextField("描述")
    act_date = models.DateField("行为日期", null=True, blank=True)
    proposed = models.CharField("系统建议的情形", max_length=32, blank=True)
    correct = models.BooleanField("建议正确")
    right_situation = models.CharField("正确的情形", max_length=32, blank=True)
    candidates = models.JSONField("当时的候选", default=list)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "匹配反馈"
        verbose_name_plural = "匹配反馈"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{'✓' if self.correct else '✗'} {self.proposed} {self.text[:20]}"
