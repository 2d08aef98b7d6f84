"""Case records (办案). State changes happen only in chengguan.cases.actions, one named function each,
which also writes the hash-chained audit entry in the same transaction."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models


class Team(models.Model):
    """An enforcement team: 支队/大队/中队, or a 镇街 综合执法队 that handles only items delegated to it, in its area."""

    KINDS = [("支队", "支队"), ("大队", "大队"), ("中队", "中队"), ("镇街", "镇街综合行政执法队")]
    name = models.CharField("名称", max_length=64, unique=True)
    kind = models.CharField("类型", max_length=8, choices=KINDS, default="中队")
    town = models.CharField("所辖镇街", max_length=32, blank=True, help_text="镇街执法队的辖区；区级队伍留空表示全区")

    class Meta:
        verbose_name = verbose_name_plural = "执法队伍"

    def __str__(self) -> str:
        return self.name

    @property
    def is_town(self) -> bool:
        return self.kind == "镇街"


class Officer(models.Model):
    """执法人员: a user with an enforcement certificate (执法证号), a team and a role (the user's group)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="officer")
    cert_no = models.CharField("执法证号", max_length=32, blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="officers")

    class Meta:
        verbose_name = verbose_name_plural = "执法人员"

    def __str__(self) -> str:
        return f"{self.name}（{self.cert_no or '无执法证'}）"

    @property
    def name(self) -> str:
        """姓 then 名, as Chinese names are written."""
        return (self.user.last_name + self.user.first_name) or self.user.username


class Case(models.Model):
    """One enforcement case, 简易程序 or 普通程序, from 线索 to 归档."""

    PROCEDURES = [("简易", "简易程序"), ("普通", "普通程序")]
    SOURCES = [("巡查", "日常巡查"), ("举报", "群众举报"), ("视频", "视频监控"), ("12345", "12345热线"), ("移送", "其他机关移送")]
    STATUSES = [
        ("线索", "线索登记"), ("立案", "已立案"), ("调查", "调查取证"), ("调查终结", "调查终结"), ("法制审核", "法制审核中"),
        ("集体讨论", "待集体讨论"), ("告知", "已事先告知"), ("听证", "听证程序"), ("决定", "已作出决定"), ("送达", "已送达"),
        ("执行", "执行中"), ("结案", "已结案"), ("归档", "已归档"), ("不予立案", "不予立案"), ("移送", "已移送"),
    ]
    number = models.CharField("案件编号", max_length=40, unique=True)
    procedure = models.CharField("程序", max_length=4, choices=PROCEDURES, default="普通")
    status = models.CharField("状态", max_length=8, choices=STATUSES, default="线索", db_index=True)
    source = models.CharField("案件来源", max_length=8, choices=SOURCES, default="巡查")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="cases")
    town = models.CharField("发生地镇街", max_length=32, blank=True)
    place = models.CharField("发生地点", max_length=200, blank=True)
    facts = models.TextField("违法事实", blank=True)
    situation_id = models.CharField("违法情形", max_length=32, blank=True, db_index=True)
    item_code = models.CharField("执法事项", max_length=32, blank=True)
    act_date = models.DateField("违法行为发生日期", null=True, blank=True)
    act_end_date = models.DateField("连续或继续状态终了日期", null=True, blank=True)
    # party (当事人)
    party_type = models.CharField("当事人类型", max_length=4, choices=[("个人", "个人"), ("单位", "单位")], default="个人")
    party_name = models.CharField("当事人", max_length=100, blank=True)
    party_id_number = models.CharField("身份证号/统一社会信用代码", max_length=32, blank=True)
    party_address = models.CharField("住址/住所", max_length=200, blank=True)
    party_phone = models.CharField("联系电话", max_length=32, blank=True)
    party_legal_rep = models.CharField("法定代表人", max_length=50, blank=True)
    # discretion and decision
    circumstances = models.JSONField("裁量情节", default=dict, blank=True)
    discretion = models.JSONField("裁量建议", default=dict, blank=True)
    legal_review_required = models.BooleanField("需法制审核", default=False)
    collective_required = models.BooleanField("需集体讨论", default=False)
    hearing_required = models.BooleanField("应告知听证", default=False)
    decision = models.CharField("决定类型", max_length=8, blank=True, choices=[("处罚", "行政处罚"), ("不予处罚", "不予行政处罚"), ("移送", "移送")])
    penalty_kinds = models.JSONField("处罚种类", default=list, blank=True)
    fine_amount = models.DecimalField("罚款金额（元）", max_digits=12, decimal_places=2, null=True, blank=True)
    decision_number = models.CharField("决定书文号", max_length=40, blank=True)
    doc_numbers = models.JSONField("文书文号", default=dict, blank=True)
    officers = models.ManyToManyField(Officer, related_name="cases", blank=True, verbose_name="承办人员")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # clocks
    clue_at = models.DateField("线索登记日期")
    filed_at = models.DateField("立案日期", null=True, blank=True)
    investigation_closed_at = models.DateField("调查终结日期", null=True, blank=True)
    notified_at = models.DateField("事先告知日期", null=True, blank=True)
    statement_deadline = models.DateField("陈述申辩/听证申请期限", null=True, blank=True)
    waiver_recorded = models.BooleanField("当事人明确放弃陈述申辩", default=False)
    hearing_requested = models.BooleanField("当事人申请听证", default=False)
    hearing_at = models.DateField("听证日期", null=True, blank=True)
    decided_at = models.DateField("决定日期", null=True, blank=True)
    served_at = models.DateField("送达日期", null=True, blank=True)
    payment_due = models.DateField("缴款期限", null=True, blank=True)
    paid_at = models.DateField("缴款日期", null=True, blank=True)
    paid_amount = models.DecimalField("已缴金额", max_digits=12, decimal_places=2, null=True, blank=True)
    enforcement_step = models.CharField("执行措施", max_length=200, blank=True)
    closed_at = models.DateField("结案日期", null=True, blank=True)
    archived_at = models.DateField("归档日期", null=True, blank=True)
    filed_with_bureau = models.BooleanField("简易程序已备案", default=False)
    version = models.PositiveIntegerField("版本", default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "案件"
        ordering = ["-clue_at", "-id"]
        indexes = [models.Index(fields=["team", "status"]), models.Index(fields=["status", "clue_at"]),
                   models.Index(fields=["-clue_at", "-id"], name="cases_case_list_order")]

    def __str__(self) -> str:
        return f"{self.number} {self.party_name} {self.get_status_display()}"

    @property
    def limitation_start(self) -> dt.date | None:
        """行政处罚法第三十六条：违法行为有连续或者继续状态的，从行为终了之日起计算."""
        return self.act_end_date or self.act_date


class Evidence(models.Model):
    """An evidence item, stored with its SHA-256 and never overwritten."""

    KINDS = [("照片", "照片"), ("视听资料", "视听资料"), ("笔录", "笔录"), ("测量", "现场测量"), ("书证", "书证"), ("电子数据", "电子数据"), ("其他", "其他")]
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="evidence")
    kind = models.CharField("种类", max_length=8, choices=KINDS)
    description = models.TextField("说明")
    file = models.FileField("文件", upload_to="evidence/%Y/%m/", blank=True)
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveIntegerField("字节数", default=0)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "证据"
        ordering = ["recorded_at", "id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("证据一经登记不得修改（全过程记录）")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("证据一经登记不得删除（全过程记录）")


class Review(models.Model):
    """法制审核 (行政处罚法第五十八条) or 集体讨论 (第五十七条第二款) record."""

    KINDS = [("法制审核", "法制审核"), ("集体讨论", "集体讨论")]
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="reviews")
    kind = models.CharField(max_length=8, choices=KINDS, default="法制审核")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    passed = models.BooleanField("通过")
    opinion = models.TextField("意见")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "审核与讨论"
        ordering = ["at", "id"]


class Transfer(models.Model):
    """案件移送: a case or clue sent to another agency (or to the judicial organs), or received from one."""

    DIRECTIONS = [("移出", "移出"), ("移入", "移入")]
    STATUSES = [("已发送", "已发送"), ("已接收", "已接收"), ("已退回", "已退回"), ("已办结", "已办结")]
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="transfers", null=True, blank=True)
    direction = models.CharField(max_length=4, choices=DIRECTIONS)
    agency = models.CharField("对方机关", max_length=100)
    reason = models.TextField("移送理由")
    crime_suspected = models.BooleanField("涉嫌犯罪", default=False)
    status = models.CharField(max_length=8, choices=STATUSES, default="已发送")
    letter_number = models.CharField("移送函文号", max_length=40, blank=True)
    reply = models.TextField("对方回复", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "案件移送"


class DocumentCounter(models.Model):
    """文号 allocation per kind and year: no gaps, no duplicates (row locked while a number is issued)."""

    kind = models.CharField(max_length=32)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("kind", "year")]


class AuditHead(models.Model):
    """The single row that serialises appends to the audit chain."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)


class AuditEntry(models.Model):
    """全过程记录: append-only, hash-chained. hash = SHA-256(prev_hash + canonical JSON of the entry)."""

    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.CharField(max_length=150)
    action = models.CharField(max_length=64)
    object_type = models.CharField(max_length=32)
    object_id = models.CharField(max_length=64)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    evidence_hashes = models.JSONField(default=list)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = verbose_name_plural = "全过程记录"
        ordering = ["seq"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("全过程记录只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("全过程记录只能追加，不能删除")


class HolidayYear(models.Model):
    """An admin-entered year of the 国务院办公厅 holiday arrangement (e.g. 2027 once published). It replaces the
    shipped data/calendar/cn_holidays.yaml for that year. `record` has the shape of one year of that file."""

    year = models.PositiveIntegerField("年份", unique=True)
    record = models.JSONField("放假与调休安排", help_text="与 data/calendar/cn_holidays.yaml 中一年的结构相同")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "节假日安排（管理员录入）"
        ordering = ["year"]

    def __str__(self) -> str:
        return f"{self.year}年节假日安排"

    def clean(self):
        from django.core.exceptions import ValidationError

        from ..calendar import CalendarDataError, WorkCalendar

        rec = dict(self.record or {})
        rec.setdefault("year", self.year)
        if rec.get("year") != self.year:
            raise ValidationError({"record": f"记录中的年份 {rec.get('year')} 与 {self.year} 不一致"})
        try:
            WorkCalendar.from_records([rec])
        except CalendarDataError as e:
            raise ValidationError({"record": str(e)}) from e
        self.record = rec
