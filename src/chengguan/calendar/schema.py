"""Schemas of the calendar data files (data/calendar/*.yaml), with validators that explain errors in Chinese."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

HOLIDAY_NAMES = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "国庆节、中秋节", "中秋节、国庆节")


class HolidaySpan(BaseModel):
    """One holiday as the notice states it: 放假 (or 放假调休) from start to end, both inclusive."""

    model_config = ConfigDict(extra="forbid")
    name: str
    start: dt.date
    end: dt.date

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if v not in HOLIDAY_NAMES:
            raise ValueError(f"未知节日名称“{v}”；可用：{'、'.join(HOLIDAY_NAMES)}")
        return v

    @model_validator(mode="after")
    def _order(self):
        if self.end < self.start:
            raise ValueError(f"{self.name}：结束日期 {self.end} 早于开始日期 {self.start}")
        if (self.end - self.start).days > 10:
            raise ValueError(f"{self.name}：放假 {(self.end - self.start).days + 1} 天，超过通常安排，请核对")
        return self

    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range((self.end - self.start).days + 1)]


class MakeupDay(BaseModel):
    """调休上班日（补班）: a Saturday or Sunday the notice declares a working day."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    date: dt.date
    for_: str = Field(alias="for")


class YearRecord(BaseModel):
    """One year's arrangement, from the 国务院办公厅 notice for that year."""

    model_config = ConfigDict(extra="forbid")
    year: int
    notice: str
    doc_number: str | None = None  # 国办发明电〔YYYY〕N号
    published: dt.date | None = None
    holidays: list[HolidaySpan]
    makeup_workdays: list[MakeupDay] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self):
        y = self.year
        if str(y) not in self.notice:
            raise ValueError(f"{y}年：通知标题“{self.notice}”中没有年份 {y}")
        if self.published and self.published.year not in (y - 1, y):
            raise ValueError(f"{y}年：通知发布日期 {self.published} 不在上一年或当年")
        seen: dict[dt.date, str] = {}
        for h in self.holidays:
            for d in h.days():
                if d.year != y:
                    raise ValueError(f"{y}年：{h.name} 的日期 {d} 不在 {y} 年（跨年假期请写入所属年份的记录）")
                if d in seen:
                    raise ValueError(f"{y}年：{d} 同时属于 {seen[d]} 和 {h.name}（放假区间重叠）")
                seen[d] = h.name
        mk: set[dt.date] = set()
        for m in self.makeup_workdays:
            if m.date.year != y:
                raise ValueError(f"{y}年：补班日 {m.date} 不在 {y} 年")
            if m.date.weekday() < 5:
                raise ValueError(f"{y}年：补班日 {m.date} 是星期{'一二三四五'[m.date.weekday()]}，补班日只能是周六或周日")
            if m.date in seen:
                raise ValueError(f"{y}年：补班日 {m.date} 同时在 {seen[m.date]} 放假区间内")
            if m.date in mk:
                raise ValueError(f"{y}年：补班日 {m.date} 重复")
            mk.add(m.date)
        return self


class CalendarFile(BaseModel):
    """data/calendar/cn_holidays.yaml."""

    model_config = ConfigDict(extra="forbid")
    version: dt.date
    years: list[YearRecord]

    @model_validator(mode="after")
    def _years(self):
        ys = [r.year for r in self.years]
        if len(set(ys)) != len(ys):
            raise ValueError(f"年份重复：{sorted(y for y in ys if ys.count(y) > 1)}")
        if ys != sorted(ys):
            raise ValueError("年份应按从早到晚排列")
        if ys and ys != list(range(ys[0], ys[-1] + 1)):
            raise ValueError(f"年份不连续：{ys}（中间缺少的年份无法计算跨年期间）")
        return self


from ..law.cite import Cite as CiteRef  # noqa: E402


class RuleSource(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cite: CiteRef | None = None
    text: str | None = None
    note: str = ""
    in_kb: bool = True


class PeriodRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: str
    working_days: str
    calendar_days: str
    months: str
    sources: list[RuleSource]


class Period(BaseModel):
    """A statutory period: N working days, N calendar days, or N months."""

    model_config = ConfigDict(extra="forbid")
    code: str
    aliases: list[str] = Field(default_factory=list)
    kind: Literal["working_days", "calendar_days", "months"]
    n: int = Field(gt=0)
    label: str
    uses: list[CiteRef] = Field(default_factory=list)
    basis: CiteRef | None = None

    @model_validator(mode="after")
    def _kind(self):
        if self.kind == "working_days" and self.n > 7:
            raise ValueError(f"{self.code}：行政处罚法第八十五条只把二日、三日、五日、七日定为工作日，{self.n} 日应按自然日计算")
        if self.kind == "working_days" and self.basis is None:
            raise ValueError(f"{self.code}：按工作日计算的期间必须写明依据（basis）")
        return self


class PeriodsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: dt.date
    effective_from: dt.date
    rules: PeriodRules
    periods: list[Period]

    @model_validator(mode="after")
    def _unique(self):
        names: dict[str, str] = {}
        for p in self.periods:
            for k in [p.code, *p.aliases]:
                if k in names:
                    raise ValueError(f"期间代码或别名“{k}”重复（{names[k]} 与 {p.code}）")
                names[k] = p.code
        return self
