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


class SituationVersion(models.Model):
    """Every accepted edit of a violation situation by the legal office: who, when, what changed.
    The latest version of each edited situation is written to the runtime catalog overlay."""

    situation_id = models.CharField("违法情形编号", max_length=32, db_index=True)
    version = models.PositiveIntegerField("版本")
    data = models.JSONField("内容")
    changes = models.JSONField("改动", default=list)
    comment = models.CharField("修订说明", max_length=200)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "违法情形修订"
        verbose_name_plural = "违法情形修订"
        unique_together = [("situation_id", "version")]
        ordering = ["situation_id", "-version"]

    def __str__(self) -> str:
        return f"{self.situation_id} 第{self.version}版"
