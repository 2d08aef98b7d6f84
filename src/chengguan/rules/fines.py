"""Read fine clauses out of a penalty provision's text.

Recognises the forms statutes use: 处五十元以上五百元以下（的）罚款 · 处2万元以下罚款 · 处五十元罚款 ·
建设工程造价百分之五以上百分之十以下 · 违法所得一倍以上三倍以下 · 每平方米…元 / 按日…元 · 价值…倍.
Each clause carries the party it names nearby (对个人/对单位), when the text names one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..law.numerals import cn_to_int

N = r"(?:[\d.]+|[零〇一二两三四五六七八九十百千]+)"
AMT = rf"{N}\s*(?:万|千|百)?\s*元?"


@dataclass(frozen=True)
class TextFine:
    kind: str
    min: float
    max: float
    party: str | None
    unit: str | None
    span: tuple[int, int]
    phrase: str


def amount(s: str) -> float:
    """'五千元' → 5000, '2万元' → 20000, '一万' → 10000, '0.5万元' → 5000, '十五' → 15."""
    s = s.replace("元", "").replace(" ", "")
    mult = 1
    if s.endswith("万"):
        mult, s = 10000, s[:-1]
    elif s.endswith("千") and re.fullmatch(r"[\d.]+千", s):
        mult, s = 1000, s[:-1]
    if re.fullmatch(r"[\d.]+", s):
        return float(s) * mult
    m = re.fullmatch(r"([\d.]+)([百千])", s)  # 5百, 1千 (mixed digits and units, as some texts write)
    if m:
        return float(m.group(1)) * {"百": 100, "千": 1000}[m.group(2)] * mult
    # Chinese numerals possibly containing 万 in the middle (一万五千)
    return float(cn_to_int(s)) * mult


RANGE_RE = re.compile(rf"({AMT})以上({AMT})以下|({AMT})至({AMT})(?:的)?罚款")
UPTO_RE = re.compile(rf"({AMT})以下(?:的)?罚款")
FIXED_RE = re.compile(rf"处(?:以)?(?:每(?:日|天|平方米|立方米|辆|株|棵|次|处|吨))?({AMT})(?:的)?罚款|罚款({AMT})")
PCT_RANGE_RE = re.compile(rf"百分之({N})以上百分之({N})以下|(\d+(?:\.\d+)?)%以上(\d+(?:\.\d+)?)%以下")
PCT_FIXED_RE = re.compile(rf"百分之({N})的罚款")
PCT_UPTO_RE = re.compile(rf"百分之({N})以下|(\d+(?:\.\d+)?)%以下")
MULT_RANGE_RE = re.compile(rf"({N})倍?(?:以上|至|到)({N})倍(?:以下)?")
MULT_UPTO_RE = re.compile(rf"({N})倍以下")
PER_UNIT_RE = re.compile(r"(每平方米|每立方米|每日|按日|每天|每辆|每车|每株|每棵|每处|每个|每吨|每次|每平方|每延长米|每米)")
PARTY_RE = re.compile(r"(对个人|对单位|个人|单位|公民|法人|其他组织|自然人|居民)")


def _party_near(text: str, pos: int) -> str | None:
    window = text[max(0, pos - 30):pos]
    # the nearest marker before the amount, within the same clause (stop at 。；)
    cut = max(window.rfind("。"), window.rfind("；"))
    window = window[cut + 1:]
    found = PARTY_RE.findall(window)
    if not found:
        return None
    last = found[-1]
    if last in ("对个人", "个人", "公民", "自然人", "居民"):
        return "个人"
    return "单位"


def _unit_near(text: str, pos: int) -> str | None:
    window = text[max(0, pos - 20):pos]
    m = list(PER_UNIT_RE.finditer(window))
    if not m:
        return None
    u = m[-1].group(1)
    return {"每平方米": "平方米", "每平方": "平方米", "每立方米": "立方米", "每日": "日", "按日": "日", "每天": "日",
            "每辆": "辆", "每车": "辆", "每株": "株", "每棵": "株", "每处": "处", "每个": "个", "每吨": "吨",
            "每次": "次", "每延长米": "延长米", "每米": "米"}[u]


def _multiple_kind(text: str, pos: int) -> str:
    window = text[max(0, pos - 25):pos]
    if "违法所得" in window or "非法所得" in window or "违法收入" in window:
        return "gains_multiple"
    if "费" in window:
        return "fee_multiple"
    return "value_multiple"


def _num(s: str) -> float:
    return float(s) if re.fullmatch(r"[\d.]+", s) else float(cn_to_int(s))


def _percent_kind(text: str, pos: int) -> str:
    """A percentage of 违法所得; of a fee (勘察费、设计费、监理酬金、应缴费用); or of 工程造价/合同价款 (the default).
    The nearest base word before the percentage decides."""
    window = text[max(0, pos - 15):pos]
    bases = [(window.rfind(w), k) for w, k in (("违法所得", "gains_percent"), ("非法所得", "gains_percent"), ("酬金", "fee_percent"),
                                               ("勘察费", "fee_percent"), ("设计费", "fee_percent"), ("造价", "cost_percent"),
                                               ("价款", "cost_percent"))]
    found = max(bases)
    return found[1] if found[0] >= 0 else "cost_percent"


def parse_fines(text: str) -> list[TextFine]:
    out: list[TextFine] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(kind, lo, hi, m, unit=None):
        s, e = m.span()
        if not free(s, e):
            return
        taken.append((s, e))
        if kind == "range":
            unit = _unit_near(text, s) or _unit_near(m.group(0), len(m.group(0)))
            if unit:
                kind = "per_unit"
        out.append(TextFine(kind, lo, hi, _party_near(text, s), unit, (s, e), m.group(0)))

    for m in PCT_RANGE_RE.finditer(text):
        lo, hi = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        add(_percent_kind(text, m.start()), _num(lo), _num(hi), m)
    for m in PCT_FIXED_RE.finditer(text):
        v = _num(m.group(1))
        add(_percent_kind(text, m.start()), v, v, m)
    for m in PCT_UPTO_RE.finditer(text):
        add(_percent_kind(text, m.start()), 0.0, _num(m.group(1) or m.group(2)), m)
    for m in MULT_RANGE_RE.finditer(text):
        add(_multiple_kind(text, m.start()), float(cn_to_int(m.group(1))), float(cn_to_int(m.group(2))), m)
    for m in MULT_UPTO_RE.finditer(text):
        add(_multiple_kind(text, m.start()), 0.0, float(cn_to_int(m.group(1))), m)
    for m in RANGE_RE.finditer(text):
        lo, hi = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        try:
            add("range", amount(lo), amount(hi), m)
        except ValueError:
            continue
    for m in UPTO_RE.finditer(text):
        try:
            add("range", 0.0, amount(m.group(1)), m)
        except ValueError:
            continue
    for m in FIXED_RE.finditer(text):
        g = m.group(1) or m.group(2)
        try:
            v = amount(g)
        except ValueError:
            continue
        add("range", v, v, m)
    out.sort(key=lambda f: f.span)
    return out
