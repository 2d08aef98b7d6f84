"""Chinese numerals ↔ integers, as used in statute numbering (第一百一十八条 ↔ 118)."""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_DIGITS = "零一二三四五六七八九"
FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

NUMERAL_CHARS = "零〇一二三四五六七八九两十百千万"
NUMERAL_RE = f"[{NUMERAL_CHARS}]+"


class NumeralError(ValueError):
    pass


def cn_to_int(text: str) -> int:
    """Parse a Chinese or Arabic numeral: '一百一十八' → 118, '十' → 10, '118' → 118."""
    s = text.strip().translate(FULLWIDTH)
    if not s:
        raise NumeralError("空的数字")
    if s.isdigit():
        return int(s)
    total, section, current = 0, 0, 0
    seen = False
    for ch in s:
        if ch in DIGITS:
            current = DIGITS[ch]
            seen = True
        elif ch in UNITS:
            unit = UNITS[ch]
            if unit == 10000:
                section = (section + current) * unit
                total += section
                section = 0
            else:
                if current == 0 and not seen:
                    current = 1  # 十 → 10
                elif current == 0 and ch == "十":
                    current = 1  # 一百一十 / 一百零十 is invalid but 一百十 is common shorthand
                section += current * unit
            current = 0
            seen = True
        else:
            raise NumeralError(f"无法识别的数字：{text}")
    return total + section + current


def int_to_cn(n: int) -> str:
    """Format an integer the way statutes number articles: 118 → '一百一十八', 10 → '十', 105 → '一百零五'."""
    if n < 0:
        raise NumeralError("负数")
    if n < 10:
        return CN_DIGITS[n]
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = int_to_cn(low) if low else ""
        if low and low < 1000:
            rest = "零" + rest
        return int_to_cn(high) + "万" + rest
    out = []
    units = [(1000, "千"), (100, "百"), (10, "十")]
    zero_pending = False
    started = False
    for value, name in units:
        d, n = divmod(n, value)
        if d:
            if zero_pending:
                out.append("零")
                zero_pending = False
            out.append(CN_DIGITS[d] + name)
            started = True
        elif started:
            zero_pending = True
    if n:
        if zero_pending:
            out.append("零")
        out.append(CN_DIGITS[n])
    s = "".join(out)
    if s.startswith("一十"):
        s = s[1:]  # 十五 not 一十五
    return s


def article_label(number: int, suffix: int = 0) -> str:
    """118 → '第一百一十八条'; (64, 1) → '第六十四条之一'."""
    label = f"第{int_to_cn(number)}条"
    if suffix:
        label += f"之{int_to_cn(suffix)}"
    return label


def parse_int(text: str) -> int:
    """Either numeral system, tolerant of full-width digits."""
    return cn_to_int(text)


_ARABIC_OR_CN = re.compile(rf"^(\d+|{NUMERAL_RE})$")


def is_numeral(text: str) -> bool:
    return bool(_ARABIC_OR_CN.match(text.translate(FULLWIDTH)))
