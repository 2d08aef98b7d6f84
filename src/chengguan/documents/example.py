"""A built-in sample 普通程序 case: a street trader fined in Fuling (no database needed).

Fictitious party and officers; the provisions, remedy wording and procedure are real:
《重庆市市容环境卫生管理条例》第十八条第一款第（五）项 (在桥梁、人行天桥上摆摊、兜售物品) and 第二款
(对个人处五十元以上五百元以下的罚款).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .record import CaseRecord

T = dt.datetime


def example_record() -> CaseRecord:
    return CaseRecord.model_validate({
        "case_number": "涪城管案〔2026〕0042号",
        "cause": "在人行天桥上摆摊兜售物品案",
        "procedure": "普通程序",
        "source": "日常巡查",
        "party": {
            "kind": "个人", "name": "张某某", "id_number": "500102199003071232",
            "address": "重庆市涪陵区崇义街道某某路12号2单元3-1", "phone": "138****5678",
        },
        "act_date": dt.date(2026, 3, 2),
        "act_time": T(2026, 3, 2, 9, 30),
        "act_place": "重庆市涪陵区兴华中路人行天桥上",
        "facts": ("当事人张某某于二〇二六年三月二日九时三十分在重庆市涪陵区兴华中路人行天桥上摆设三轮车摊点兜售水果，"
                  "占用天桥通道约4平方米，影响行人通行。执法人员当场责令其改正，当事人于当日撤除摊点。"
                  "当事人在本机关无同类违法行为记录。"),
        "evidence": [
            {"name": "现场检查（勘验）笔录一份", "kind": "勘验笔录、现场笔录", "description": "证明违法行为发生的时间、地点和现场情况"},
            {"name": "询问笔录一份", "kind": "当事人陈述", "description": "证明当事人对违法事实的陈述"},
            {"name": "现场照片六张、执法记录仪视频一段", "kind": "视听资料", "description": "证明当事人在人行天桥上摆摊兜售物品"},
            {"name": "当事人身份证复印件一份", "kind": "书证", "description": "证明当事人身份"},
        ],
        "officers": [{"name": "李某", "cert_no": "渝执500102260101"}, {"name": "王某", "cert_no": "渝执500102260102"}],
        "situation_id": "shirong.street-trading.bridge",
        "violated": [{"law": "重庆市市容环境卫生管理条例", "article": 18, "paragraph": 1, "item": 5}],
        "penalty_basis": [{"law": "重庆市市容环境卫生管理条例", "article": 18, "paragraph": 2}],
        "discretion": {
            "situation_id": "shirong.street-trading.bridge", "outcome": "一般",
            "grounds": [{"law": "中华人民共和国行政处罚法", "article": 5}],
            "penalties": ["罚款"], "fine": {"min": 200, "max": 350, "suggested": 300}, "class_721": "执法",
            "simple_procedure": False, "hearing_required": False, "legal_review_required": False,
            "collective_discussion_required": False,
            "trace": [
                {"step": "法定幅度", "rule": "对个人处五十元以上五百元以下的罚款", "version": "2018-07-26",
                 "citation": {"law": "重庆市市容环境卫生管理条例", "article": 18, "paragraph": 2}},
                {"step": "情节认定", "rule": "占用面积4平方米，影响通行，经责令当场改正，属一般情形", "version": "2026-01-01"},
                {"step": "裁量档次", "rule": "一般情形：法定幅度的30%–60%，即200元至350元；建议300元", "version": "2026-01-01"},
            ],
        },
        "discretion_note": "市容环境卫生类 占道经营 一般情形",
        "decision": {"kinds": ["罚款"], "fine": Decimal(300), "payment_days": 15},
        "correction": "立即停止在人行天桥上摆摊兜售物品的行为，撤除摊点，恢复通道畅通",
        "dates": {
            "clue": dt.date(2026, 3, 2), "filed": dt.date(2026, 3, 3), "inspection": dt.date(2026, 3, 2),
            "inquiry": dt.date(2026, 3, 4), "correction_notice": dt.date(2026, 3, 2), "correction_deadline": dt.date(2026, 3, 2),
            "preservation": dt.date(2026, 3, 2), "preservation_decision": dt.date(2026, 3, 6),
            "investigation_end": dt.date(2026, 3, 10), "legal_review": dt.date(2026, 3, 11),
            "notice": dt.date(2026, 3, 12), "notice_served": dt.date(2026, 3, 12), "statement_deadline": dt.date(2026, 3, 19),
            "decision": dt.date(2026, 3, 20), "service": dt.date(2026, 3, 20), "payment": dt.date(2026, 3, 25),
            "closed": dt.date(2026, 3, 27),
        },
        "inspection": {
            "place": "重庆市涪陵区兴华中路人行天桥", "start": T(2026, 3, 2, 9, 30), "end": T(2026, 3, 2, 9, 55),
            "present": "张某某（当事人）", "witness": "赵某（过往行人）",
            "findings": ("人行天桥中段北侧停放三轮车一辆，车上摆放苹果、橙子等水果约60公斤，配有电子秤一台，当事人正在向行人兜售。"
                         "摊点占用天桥通道长约2米、宽约2米，面积约4平方米，行人需侧身通过。"),
            "media": "执法记录仪视频一段（9:30—9:55），现场照片六张",
        },
        "inquiry": {
            "place": "重庆市涪陵区城市管理局崇义执法中队询问室", "start": T(2026, 3, 4, 10, 0), "end": T(2026, 3, 4, 10, 40),
            "qa": [
                {"q": "请介绍一下你的基本情况。", "a": "我叫张某某，住涪陵区崇义街道某某路12号，以卖水果为生。"},
                {"q": "二〇二六年三月二日上午你在什么地方做什么？", "a": "我在兴华中路人行天桥上用三轮车摆摊卖水果。"},
                {"q": "你知道在人行天桥上摆摊是违法的吗？", "a": "知道不对，以后不会了。当天执法人员让我撤走，我马上就撤了。"},
                {"q": "你以前是否因为同样的行为被处罚过？", "a": "没有。"},
            ],
        },
        "preserved_items": [{"name": "电子秤", "spec": "30公斤", "quantity": "1台", "note": "证据"}],
        "preservation_handling": "经调查取证完毕，上述物品予以退还当事人。",
        "review": {"reviewer": "陈某", "reviewer_cert": "法律职业资格证书A2019500000000",
                   "opinion": "执法主体合法，执法人员具备执法资格；事实清楚，证据确凿；适用法律正确；裁量适当，符合本机关裁量基准；程序合法。",
                   "conclusion": "同意"},
        "payment_note": "当事人已于二〇二六年三月二十五日通过电子支付系统缴纳罚款人民币300元（大写：叁佰元整）。",
        "doc_numbers": {
            "立案审批表": "涪城管立字〔2026〕第0042号",
            "责令（限期）改正通知书": "涪城管责改字〔2026〕第0113号",
            "先行登记保存通知书": "涪城管登保字〔2026〕第0017号",
            "先行登记保存处理决定书": "涪城管登保处字〔2026〕第0017号",
            "法制审核意见书": "涪城管法审字〔2026〕第0038号",
            "行政处罚事先告知书": "涪城管罚告字〔2026〕第0040号",
            "行政处罚决定书": "涪城管罚决字〔2026〕第0039号",
        },
    })


def example_variants() -> dict[str, CaseRecord]:
    """Variants of the sample that exercise the other kinds: 听证, 不予处罚, 当场处罚, 移送, 催告, 集体讨论."""
    base = example_record()
    out: dict[str, CaseRecord] = {"普通程序": base}
    # a company with a fine above the Chongqing 听证 threshold, hearing held, collective discussion, reminder
    unit = base.model_copy(deep=True)
    unit = CaseRecord.model_validate({
        **base.model_dump(mode="python"),
        "case_number": "涪城管案〔2026〕0057号",
        "cause": "擅自占用城市道路堆放物料案",
        "party": {"kind": "单位", "name": "重庆某某建材有限公司", "uscc": "91500102MA60ABCD11", "legal_rep": "刘某",
                  "address": "重庆市涪陵区荔枝街道某某大道88号", "phone": "023-7222****"},
        "facts": "当事人重庆某某建材有限公司于二〇二六年三月二日在重庆市涪陵区某某大道人行道上堆放建筑材料，占用城市道路约120平方米，持续十五日，经责令改正后逾期未改正。",
        "violated": [{"law": "城市道路管理条例", "article": 27, "item": 6}],
        "penalty_basis": [{"law": "城市道路管理条例", "article": 42}],
        "discretion": {**base.discretion.model_dump(), "outcome": "从重", "fine": {"min": 14000, "max": 20000, "suggested": 18000},
                       "hearing_required": False, "legal_review_required": True, "collective_discussion_required": True},
        "decision": {"kinds": ["罚款"], "fine": Decimal(18000)},
        "hearing": {"required": True, "requested": True, "host": "周某（法制科）", "clerk": "吴某",
                    "place": "重庆市涪陵区城市管理局听证室", "start": T(2026, 3, 26, 9, 0), "end": T(2026, 3, 26, 10, 30),
                    "party_opinion": "对事实无异议，请求从轻处罚。", "investigator_opinion": "事实清楚、证据确凿，建议罚款18000元。",
                    "conclusion": "当事人逾期未改正，情节较重，维持拟处罚意见。"},
        "discussion": {"host": "局长", "place": "局会议室", "participants": ["局长", "分管副局长", "法制科科长", "支队长"],
                       "recorder": "吴某", "opinions": ["法制科：事实清楚，证据充分，适用法律正确。", "支队：同意拟处罚意见。"],
                       "conclusion": "同意对当事人罚款人民币18000元。"},
        "preserved_items": [], "preservation_handling": None,
        "dates": {**base.dates.model_dump(), "preservation": None, "preservation_decision": None,
                  "collective_discussion": dt.date(2026, 3, 11), "hearing_notice": dt.date(2026, 3, 17),
                  "hearing": dt.date(2026, 3, 26), "decision": dt.date(2026, 3, 30), "service": dt.date(2026, 3, 31),
                  "payment": None, "reminder": dt.date(2026, 4, 20), "closed": None},
        "payment_note": None,
        "doc_numbers": {},
    })
    out["听证"] = unit
    simple = CaseRecord.model_validate({
        **base.model_dump(mode="python"),
        "case_number": "涪城管简〔2026〕0101号", "procedure": "简易程序",
        "decision": {"kinds": ["罚款"], "fine": Decimal(100)},
        "discretion": {**base.discretion.model_dump(), "fine": {"min": 50, "max": 200, "suggested": 100}, "simple_procedure": True},
        "dates": {"decision": dt.date(2026, 3, 2), "service": dt.date(2026, 3, 2)},
        "inspection": None, "inquiry": None, "review": None, "preserved_items": [],
        "doc_numbers": {}, "payment_note": None,
    })
    out["简易程序"] = simple
    nopen = CaseRecord.model_validate({
        **base.model_dump(mode="python"),
        "case_number": "涪城管案〔2026〕0043号",
        "decision": {"kinds": [], "no_penalty_reason": "当事人系初次违法，危害后果轻微并及时改正，符合首违不罚的情形。"},
        "discretion": {**base.discretion.model_dump(), "outcome": "可以不予处罚", "fine": None, "penalties": [],
                       "grounds": [{"law": "中华人民共和国行政处罚法", "article": 33, "paragraph": 1}], "class_721": "服务"},
        "dates": {**base.dates.model_dump(), "notice": None, "notice_served": None, "statement_deadline": None,
                  "legal_review": None, "payment": None, "closed": dt.date(2026, 3, 23)},
        "preserved_items": [], "preservation_handling": None, "review": None,
        "payment_note": "已对当事人进行教育，当事人已改正。", "doc_numbers": {},
    })
    out["不予处罚"] = nopen
    transfer = CaseRecord.model_validate({
        **base.model_dump(mode="python"),
        "case_number": "涪城管案〔2026〕0061号",
        "cause": "阻碍执法人员依法执行职务案",
        "facts": ("当事人张某某于二〇二六年三月二日九时四十分在重庆市涪陵区兴华中路人行天桥上，拒不配合执法人员对其摆摊行为的检查，"
                  "以暴力方法推搡、殴打执法人员，致一名执法人员受伤。"),
        "decision": {"kinds": []},
        "discretion": None,
        "transfer": {"receiver": "重庆市涪陵区公安局", "reason": "当事人以暴力方法阻碍执法人员依法执行职务，涉嫌妨害公务罪。",
                     "basis": {"law": "行政执法机关移送涉嫌犯罪案件的规定", "article": 3, "paragraph": 1},
                     "materials": ["涉嫌犯罪案件移送书", "现场检查（勘验）笔录", "执法记录仪视频一段", "受伤执法人员的诊断证明"]},
        "dates": {"clue": dt.date(2026, 3, 2), "filed": dt.date(2026, 3, 2), "inspection": dt.date(2026, 3, 2),
                  "transfer": dt.date(2026, 3, 3)},
        "inquiry": None, "preserved_items": [], "preservation_handling": None, "review": None, "payment_note": None,
        "doc_numbers": {},
    })
    out["移送"] = transfer
    return out
