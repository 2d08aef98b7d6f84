"""Input checks shared by the CLI, the API and the web page; Chinese messages with the precise field."""

from __future__ import annotations

import datetime as dt
import re

from ..text import has_cjk
from .matcher import get_matcher

MAX_TEXT = 2000


class MatchInputError(ValueError):
    def __init__(self, errors: list[dict]):
        super().__init__("；".join(e["msg"] for e in errors))
        self.errors = errors


def validate(text, date=None, party=None, top=5) -> tuple[str, dt.date, str | None, int]:
    errors = []
    if not isinstance(text, str) or not text.strip():
        errors.append({"loc": ["text"], "msg": "请填写现场描述（text 不能为空）"})
    elif len(text) > MAX_TEXT:
        errors.append({"loc": ["text"], "msg": f"描述过长：{len(text)}字，最多{MAX_TEXT}字"})
    elif not has_cjk(text) or len(re.findall(r"[\u4e00-\u9fff]", text)) < 2:
        errors.append({"loc": ["text"], "msg": "描述中没有可识别的中文内容，请用中文描述现场情况"})
    day = None
    if isinstance(date, dt.date):
        day = date
    elif date:
        try:
            day = dt.date.fromisoformat(str(date))
        except ValueError:
            errors.append({"loc": ["date"], "msg": f"日期“{date}”无效，应为 YYYY-MM-DD 格式的真实日期"})
    if day and not (dt.date(1990, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=366)):
        errors.append({"loc": ["date"], "msg": f"日期 {day} 超出可处理范围"})
    if party not in (None, "", "个人", "单位"):
        errors.append({"loc": ["party"], "msg": "当事人类型只能是“个人”或“单位”"})
    try:
        top = int(top)
        if not 1 <= top <= 20:
            raise ValueError
    except (TypeError, ValueError):
        errors.append({"loc": ["top"], "msg": "top 应为 1 到 20 之间的整数"})
    if errors:
        raise MatchInputError(errors)
    return text, day or dt.date.today(), party or None, top


def match_one(text, date=None, party=None, top=5, ident=None) -> dict:
    text, day, party, top = validate(text, date, party, top)
    return get_matcher().match(text, day, party, top, ident).to_dict()
