"""Citation forms officers and documents actually write, parsed and resolved to exact text."""

import datetime as dt

import pytest

from chengguan.law.kb import CitationError, get_kb

D = dt.date(2026, 5, 1)

FORMS = [
    # (citation as written, expected [(law, article, paragraph, item)])
    ("《城市市容和环境卫生管理条例》第三十四条第一款第（四）项", [("城市市容和环境卫生管理条例", 34, 1, 4)]),
    ("城乡规划法第64条", [("中华人民共和国城乡规划法", 64, None, None)]),
    ("依据《中华人民共和国大气污染防治法》第一百一十八条第一款的规定", [("中华人民共和国大气污染防治法", 118, 1, None)]),
    ("《城市市容和环境卫生管理条例》第十四条、第三十六条", [("城市市容和环境卫生管理条例", 14, None, None), ("城市市容和环境卫生管理条例", 36, None, None)]),
    ("《重庆市市容环境卫生管理条例》第十八条第一款第（一）项、第二款", [("重庆市市容环境卫生管理条例", 18, 1, 1), ("重庆市市容环境卫生管理条例", 18, 2, None)]),
    ("《重庆市市容环境卫生管理条例》第十八条第二款", [("重庆市市容环境卫生管理条例", 18, 2, None)]),
    ("重庆市市容环境卫生管理条例第18条第1款第4项", [("重庆市市容环境卫生管理条例", 18, 1, 4)]),
    ("《城市道路管理条例》第四十二条第（六）项", [("城市道路管理条例", 42, None, 6)]),
    ("城市道路管理条例第二十七条第六项", [("城市道路管理条例", 27, None, 6)]),
    ("《城市道路管理条例》第27条", [("城市道路管理条例", 27, None, None)]),
    ("违反了《城市道路管理条例》第二十七条的规定，依据第四十二条", [("城市道路管理条例", 27, None, None), ("城市道路管理条例", 42, None, None)]),
    ("《中华人民共和国城乡规划法》第四十条和第六十四条", [("中华人民共和国城乡规划法", 40, None, None), ("中华人民共和国城乡规划法", 64, None, None)]),
    ("《城乡规划法》第六十四条", [("中华人民共和国城乡规划法", 64, None, None)]),
    ("《中华人民共和国行政处罚法》第三十三条第一款", [("中华人民共和国行政处罚法", 33, 1, None)]),
    ("行政处罚法第三十三条第二款", [("中华人民共和国行政处罚法", 33, 2, None)]),
    ("《行政处罚法》第五十一条", [("中华人民共和国行政处罚法", 51, None, None)]),
    ("《中华人民共和国行政处罚法》第六十三条第一款第（一）项", [("中华人民共和国行政处罚法", 63, 1, 1)]),
    ("行政处罚法第63条第1款第(1)项", [("中华人民共和国行政处罚法", 63, 1, 1)]),
    ("《中华人民共和国行政处罚法》第八十五条", [("中华人民共和国行政处罚法", 85, None, None)]),
    ("《中华人民共和国行政复议法》第二十三条第一款第（一）项", [("中华人民共和国行政复议法", 23, 1, 1)]),
    ("《行政诉讼法》第四十六条第一款", [("中华人民共和国行政诉讼法", 46, 1, None)]),
    ("《中华人民共和国行政强制法》第五十四条", [("中华人民共和国行政强制法", 54, None, None)]),
    ("根据《城镇排水与污水处理条例》第四十九条", [("城镇排水与污水处理条例", 49, None, None)]),
    ("《城镇燃气管理条例》第四十九条第一款第（一）项", [("城镇燃气管理条例", 49, 1, 1)]),
    ("《城市绿化条例》第二十六条第（二）项", [("城市绿化条例", 26, None, 2)]),
    ("《风景名胜区条例》第四十条", [("风景名胜区条例", 40, None, None)]),
    ("《中华人民共和国人民防空法》第四十九条", [("中华人民共和国人民防空法", 49, None, None)]),
    ("《重庆市人民防空条例》第一条", [("重庆市人民防空条例", 1, None, None)]),
    ("《中华人民共和国土地管理法》第七十七条第一款", [("中华人民共和国土地管理法", 77, 1, None)]),
    ("土地管理法第七十七条第二款", [("中华人民共和国土地管理法", 77, 2, None)]),
    ("《建设工程质量管理条例》第五十六条", [("建设工程质量管理条例", 56, None, None)]),
    ("《物业管理条例》第一条", [("物业管理条例", 1, None, None)]),
    ("《住宅室内装饰装修管理办法》第五条", [("住宅室内装饰装修管理办法", 5, None, None)]),
    ("《中华人民共和国建筑法》第六十四条", [("中华人民共和国建筑法", 64, None, None)]),
    ("《村庄和集镇规划建设管理条例》第三十九条", [("村庄和集镇规划建设管理条例", 39, None, None)]),
    ("《重庆市城市园林绿化条例》第五十六条", [("重庆市城市园林绿化条例", 56, None, None)]),
    ("《中华人民共和国噪声污染防治法》第一条", [("中华人民共和国噪声污染防治法", 1, None, None)]),
    ("《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项", [("中华人民共和国固体废物污染环境防治法", 111, 1, 1)]),
    ("大气污染防治法第一百一十八条、城乡规划法第六十四条", [("中华人民共和国大气污染防治法", 118, None, None), ("中华人民共和国城乡规划法", 64, None, None)]),
    ("《城市市容和环境卫生管理条例》第三十四条第（四）项", [("城市市容和环境卫生管理条例", 34, None, 4)]),
    ("《城市市容和环境卫生管理条例》第 三十四 条", [("城市市容和环境卫生管理条例", 34, None, None)]),
    ("《中华人民共和国行政处罚法》第三十二条第（一）项、第（二）项", [("中华人民共和国行政处罚法", 32, None, 1), ("中华人民共和国行政处罚法", 32, None, 2)]),
]


@pytest.mark.parametrize("citation,expected", FORMS, ids=[f[0] for f in FORMS])
def test_citation_forms_parse_and_resolve(citation, expected):
    res = get_kb().cite(citation, as_of=D)
    assert [(r.law, r.article, r.paragraph, r.item) for r in res] == expected
    for r in res:
        assert r.text and r.in_force
        art = r.instrument.article(r.article)
        assert r.text in art.text  # exact text, a part of the article


def test_item_text_is_the_item_itself():
    r = get_kb().cite("《城市市容和环境卫生管理条例》第三十四条第一款第（四）项", as_of=D)[0]
    assert r.text.startswith("(四)") and "倾倒垃圾" in r.text
    assert r.canonical == "《城市市容和环境卫生管理条例》第三十四条第一款第（四）项"


def test_json_shape_of_cite():
    d = get_kb().cite("城乡规划法第64条", as_of=D)[0].to_dict()
    assert {k: d[k] for k in ("law", "article", "paragraph", "item", "in_force")} == {
        "law": "中华人民共和国城乡规划法", "article": 64, "paragraph": None, "item": None, "in_force": True}
    assert d["version_date"] == "2019-04-23" and d["text"].startswith("第六十四条")


@pytest.mark.parametrize("citation,part", [
    ("《城市市容管理条列》第三十四条", "law"),
    ("《城市市容和环境卫生管理条例》第三百条", "article"),
    ("《城市市容和环境卫生管理条例》第三十四条第五款", "paragraph"),
    ("《重庆市市容环境卫生管理条例》第十八条第一款第（九）项", "item"),
    ("《中华人民共和国城乡规划法》第六十四条第（一）项", "item"),
    ("第十八条第二款", "law"),
])
def test_unresolvable_citation_says_which_part_was_not_found(citation, part):
    with pytest.raises(CitationError) as e:
        get_kb().cite(citation, as_of=D)
    assert e.value.part == part
    assert str(e.value)


def test_unknown_title_suggests_near_titles():
    with pytest.raises(CitationError) as e:
        get_kb().cite("《城市市容管理条列》第三十四条")
    assert "城市市容和环境卫生管理条例" in e.value.suggestions
