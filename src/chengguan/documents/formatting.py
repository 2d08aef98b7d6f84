"""Formatting for enforcement documents: amounts in capitals, dates in Chinese numerals, document numbers."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import cn2an

_DIGITS = "〇一二三四五六七八九"
_CN_DIGIT_VALUES = {c: i for i, c in enumerate(_DIGITS)} | {"零": 0, "○": 0, "O": 0}


def cn_date(day: dt.date | None) -> str:
    """二〇二六年三月五日 (year digit by digit, month and day as numbers)."""
    if day is None:
        return ""
    year = "".join(_DIGITS[int(c)] for c in f"{day.year:04d}")
    return f"{year}年{_cn_small(day.month)}月{_cn_small(day.day)}日"


def cn_datetime(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return f"{cn_date(moment.date())}{_cn_small(moment.hour) if moment.hour else '零'}时" + (f"{_cn_small(moment.minute)}分" if moment.minute else "")


def _cn_small(n: int) -> str:
    if n == 0:
        return "零"
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


_CN_DATE_RE = re.compile(r"([〇零○O一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
_AR_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _small_value(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGIT_VALUES[tens] if tens else 1) * 10 + (_CN_DIGIT_VALUES[ones] if ones else 0)
    return _CN_DIGIT_VALUES[s]


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every date written as 二〇二六年三月五日 or 2026年3月5日, with its position; invalid dates are skipped."""
    out: list[tuple[int, dt.date]] = []
    for m in _CN_DATE_RE.finditer(text):
        try:
            y = int("".join(str(_CN_DIGIT_VALUES[c]) for c in m.group(1)))
            out.append((m.start(), dt.date(y, _small_value(m.group(2)), _small_value(m.group(3)))))
        except (KeyError, ValueError):
            continue
    for m in _AR_DATE_RE.finditer(text):
        try:
            out.append((m.start(), dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))))
        except ValueError:
            continue
    out.sort()
    return out


def amount_capital(amount: Decimal | int | float) -> str:
    """贰佰元整; 壹仟贰佰叁拾肆元伍角."""
    return cn2an.an2cn(str(Decimal(str(amount)).normalize() if Decimal(str(amount)) % 1 else int(Decimal(str(amount)))), "rmb")


def amount_figure(amount: Decimal | int | float) -> str:
    d = Decimal(str(amount))
    return f"{int(d)}" if d == d.to_integral_value() else f"{d:.2f}"


def amount_both(amount: Decimal | int | float) -> str:
    """人民币300元（大写：叁佰元整）"""
    return f"人民币{amount_figure(amount)}元（大写：{amount_capital(amount)}）"


def capital_to_amount(text: str) -> Decimal | None:
    """叁佰元整 → 300; None when it does not parse."""
    t = text.strip().removeprefix("人民币").removesuffix("整")
    try:
        return Decimal(str(cn2an.cn2an(t, "strict") if not t.endswith(("元", "角", "分")) else _rmb_to_num(t)))
    except Exception:
        return None


_CAP = {"零": 0, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def _rmb_to_num(t: str) -> Decimal:
    total = Decimal(0)
    yuan, _, rest = t.partition("元")
    total += _int_capital(yuan) if yuan else 0
    m = re.match(r"(?:([零壹贰叁肆伍陆柒捌玖])角)?(?:([零壹贰叁肆伍陆柒捌玖])分)?$", rest)
    if m is None:
        raise ValueError(t)
    if m.group(1):
        total += Decimal(_CAP[m.group(1)]) / 10
    if m.group(2):
        total += Decimal(_CAP[m.group(2)]) / 100
    return total


def _int_capital(s: str) -> int:
    total, section, num = 0, 0, 0
    for ch in s:
        if ch in _CAP:
            num = _CAP[ch]
        elif ch in _UNIT:
            section += (num or 1) * _UNIT[ch]
            num = 0
        elif ch == "万":
            total += (section + num) * 10000
            section, num = 0, 0
        elif ch == "亿":
            total = (total + section + num) * 100000000
            section, num = 0, 0
        else:
            raise ValueError(s)
    return total + section + num


def doc_number(prefix: str, year: int, serial: int, width: int = 4) -> str:
    """涪城管罚决字〔2026〕第0001号"""
    return f"{prefix}〔{year}〕第{serial:0{width}d}号"


DOC_NUMBER_RE = re.compile(r"(?P<prefix>[\u4e00-\u9fff]{2,12}字)\s*[〔\[［(（]\s*(?P<year>\d{4})\s*[〕\]］)）]\s*第?\s*(?P<serial>\d{1,6})\s*号")


def parse_doc_number(text: str) -> tuple[str, int, int] | None:
    m = DOC_NUMBER_RE.search(text)
    if not m:
        return None
    return m.group("prefix"), int(m.group("year")), int(m.group("serial"))
