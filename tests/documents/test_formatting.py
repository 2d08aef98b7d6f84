import datetime as dt
from decimal import Decimal

import pytest

from chengguan.documents.formatting import (amount_both, amount_capital, capital_to_amount, cn_date, cn_datetime,
                                            doc_number, find_dates, parse_doc_number)


@pytest.mark.parametrize("amount, capital", [
    (200, "贰佰元整"), (300, "叁佰元整"), (50, "伍拾元整"), (1234, "壹仟贰佰叁拾肆元整"), (5000, "伍仟元整"),
    (18000, "壹万捌仟元整"), (50000, "伍万元整"), (100000, "壹拾万元整"), (1234.5, "壹仟贰佰叁拾肆元伍角"),
])
def test_amount_in_capitals_and_back(amount, capital):
    assert amount_capital(amount) == capital
    assert capital_to_amount(capital) == Decimal(str(amount))


def test_amount_both_figures_and_capitals():
    assert amount_both(Decimal(200)) == "人民币200元（大写：贰佰元整）"


@pytest.mark.parametrize("day, text", [
    (dt.date(2026, 3, 5), "二〇二六年三月五日"), (dt.date(2026, 10, 20), "二〇二六年十月二十日"),
    (dt.date(2026, 12, 31), "二〇二六年十二月三十一日"), (dt.date(2030, 1, 10), "二〇三〇年一月十日"),
])
def test_dates_in_chinese_numerals(day, text):
    assert cn_date(day) == text
    assert find_dates(f"于{text}作出")[0][1] == day


def test_datetime_and_arabic_dates():
    assert cn_datetime(dt.datetime(2026, 3, 2, 9, 30)) == "二〇二六年三月二日九时三十分"
    assert [d for _, d in find_dates("2026年3月12日及二〇二六年三月二十日")] == [dt.date(2026, 3, 12), dt.date(2026, 3, 20)]
    assert find_dates("二〇二六年二月三十日") == []  # not a real date


def test_document_number_format_and_parse():
    assert doc_number("涪城管罚决字", 2026, 1) == "涪城管罚决字〔2026〕第0001号"
    assert parse_doc_number("文号：涪城管罚决字〔2026〕第0039号") == ("涪城管罚决字", 2026, 39)
