import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengguan.law.numerals import NumeralError, article_label, cn_to_int, int_to_cn


@pytest.mark.parametrize("text,n", [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("一百零五", 105), ("一百一十", 110), ("一百一十八", 118),
    ("一千二百四十二", 1242), ("一千零一", 1001), ("118", 118), ("１１８", 118), ("两千", 2000), ("五万", 50000),
])
def test_chinese_numerals_read_as_statutes_write_them(text, n):
    assert cn_to_int(text) == n


@given(st.integers(min_value=1, max_value=99999))
def test_numerals_round_trip(n):
    assert cn_to_int(int_to_cn(n)) == n


def test_article_labels_follow_statute_style():
    assert article_label(118) == "第一百一十八条"
    assert article_label(10) == "第十条"
    assert article_label(64, 1) == "第六十四条之一"


def test_garbage_numeral_is_refused():
    with pytest.raises(NumeralError):
        cn_to_int("十八条")
