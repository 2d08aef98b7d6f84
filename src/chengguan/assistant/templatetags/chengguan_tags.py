from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def article_url(law: str, article: int, as_of=None) -> str:
    """Every citation on every page links to its article."""
    url = reverse("assistant:law_detail", args=[law])
    if as_of:
        url += f"?as_of={as_of}"
    return f"{url}#a{article}"


@register.filter
def highlight(hit) -> str:
    """Snippet with <mark> around matched terms (offsets computed by the search engine)."""
    out, pos = [], 0
    s = hit.snippet if hasattr(hit, "snippet") else hit["snippet"]
    hl = hit.highlights if hasattr(hit, "highlights") else hit["highlights"]
    for a, b in hl:
        out += [escape(s[pos:a]), "<mark>", escape(s[a:b]), "</mark>"]
        pos = b
    out.append(escape(s[pos:]))
    return mark_safe("".join(out))


@register.filter
def options(spec: str) -> list[str]:
    """'select:a,b,c' → ['a', 'b', 'c'] (choices of a transition field)."""
    return spec.split(":", 1)[1].split(",") if ":" in spec else []


OPTION_LABELS = {"none": "无", "minor": "轻微", "general": "一般", "serious": "严重"}


@register.filter
def option_label(value: str) -> str:
    return OPTION_LABELS.get(value, value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
