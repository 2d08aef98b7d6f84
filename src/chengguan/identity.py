"""Identity numbers of parties: 居民身份证号码 (GB 11643) and 统一社会信用代码 (GB 32100).

python-stdnum checks the ID's area code against the date ranges in which the code existed; that rejects
real people, e.g. a 涪陵区 resident born in 1970 holds 500102…, a code created in 1997 when the ID was
issued. So an ID is valid here when its length, birth date and check digit are right and its province
code exists.
"""

from __future__ import annotations

import datetime as dt

from stdnum.cn import ric, uscc

PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
             "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"}


def resident_id_problem(number: str) -> str | None:
    """None when valid; otherwise what is wrong, in Chinese."""
    n = (number or "").strip().upper()
    if len(n) != 18:
        return f"身份证号应为18位，现为{len(n)}位"
    if not n[:17].isdigit() or not (n[17].isdigit() or n[17] == "X"):
        return "身份证号前17位应为数字，最后一位为数字或X"
    if n[:2] not in PROVINCES:
        return f"身份证号的省级代码“{n[:2]}”不存在"
    try:
        born = dt.date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        return f"身份证号中的出生日期“{n[6:14]}”不存在"
    if born > dt.date.today() or born.year < 1880:
        return f"身份证号中的出生日期“{n[6:14]}”不合理"
    if ric.calc_check_digit(n) != n[17]:
        return "身份证号校验码不对，请核对每一位"
    return None


def credit_code_problem(number: str) -> str | None:
    n = (number or "").strip().upper()
    if len(n) != 18:
        return f"统一社会信用代码应为18位，现为{len(n)}位"
    if not uscc.is_valid(n):
        return "统一社会信用代码格式或校验码不对，请核对每一位"
    return None


def party_id_problem(party_type: str, number: str) -> str | None:
    return resident_id_problem(number) if party_type == "个人" else credit_code_problem(number)
