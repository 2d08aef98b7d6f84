"""The discretion engine: from the facts of a case to a lawful, explained penalty recommendation.

Order of the decision (each step is written to the trace with its rule, version and citation):

1. the situation and its legal basis in force on the act date (Situation.basis_on);
2. the policy versions in force (data/policies/discretion.yaml on the act date, procedure.yaml on the
   decision date or, when none is given, the act date);
3. mandatory exemptions (不予处罚): under 14 (行政处罚法第三十条), no capacity (第三十一条), proven absence of
   fault (第三十三条第二款), minor and corrected in time without harm (第三十三条第一款前段);
4. the discretionary first-offence exemption (可以不予处罚, 第三十三条第一款后段) where the catalog offers it;
5. otherwise a penalty: the tier (from the harm, or the officer's choice), the circumstances (第三十条后段,
   第三十一条后段, 第三十二条, and the policy's 从重 facts), the outcome class, the fine band and point;
6. 第四十五条第二款: after a statement or defence the result is capped at the previous one;
7. the 721 class, the education or correction text, and the procedure flags.

The engine never leaves the legal range of the provision in force, except where the discretion policy
explicitly allows 减轻 below the minimum (off by default).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from ..rules.schema import Basis, Fine, Situation, Tier
from .models import (OUTCOME_RANK, QUANTITIES, DiscretionError, DiscretionInput, DiscretionResult, FineOut, Ground,
                     TraceStep)
from .policy import DiscretionPolicy, Policies, PolicyError, ProcedurePolicy, get_policies

LAW = "中华人民共和国行政处罚法"
CATALOG_VERSION = "违法情形目录"

# fine units → the quantity that multiplies them
UNIT_QUANTITY = {
    "平方米": "area", "平方": "area", "日": "days", "天": "days", "辆": "vehicles", "车": "vehicles",
    "立方米": "volume", "吨": "weight", "株": "trees", "棵": "trees", "处": "count", "个": "count", "次": "count",
    "米": "length", "延长米": "length",
}
KIND_QUANTITY = {"cost_percent": "cost", "gains_percent": "gains", "fee_percent": "fee", "gains_multiple": "gains", "value_multiple": "value", "fee_multiple": "fee"}
KIND_LABEL = {"range": "元", "per_unit": "元/", "cost_percent": "% × 工程造价", "gains_percent": "% × 违法所得", "fee_percent": "% × 费用", "gains_multiple": "倍 × 违法所得",
              "value_multiple": "倍 × 价值", "fee_multiple": "倍 × 应缴费用"}
# 行政处罚法第九条的处罚种类（其余为责令类命令或强制措施）
PUNITIVE = ("警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "没收实物", "暂扣许可证件", "降低资质等级",
            "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业")
LIGHT_KINDS = ("警告", "通报批评")
CONFISCATION = ("没收违法所得", "没收非法财物", "没收实物")
HARM_CN = {"none": "没有造成危害后果", "minor": "危害后果轻微", "general": "危害后果一般", "serious": "危害后果严重"}
TIER_ORDER = ("轻微", "一般", "较重", "严重")


def _num(x: float) -> int | float:
    r = round(float(x), 2)
    return int(r) if r == int(r) else r


def _yuan(x: float) -> str:
    return f"{_num(x):,}元" if _num(x) == int(_num(x)) else f"{_num(x):,.2f}元"


@dataclass
class _Trace:
    steps: list[TraceStep] = field(default_factory=list)

    def add(self, step: str, rule: str, version: str = "", citation: str = "") -> None:
        self.steps.append(TraceStep(step=step, rule=rule, version=version, citation=citation))


@dataclass
class _Decision:
    outcome: str
    grounds: list[Ground]
    penalties: list[str]
    fine: FineOut | None
    legal_range: tuple[float, float] | None
    reason: str = ""
    template: str | None = None  # education / guardian / custody (服务); correction is chosen by class
    ground_text: str = ""


def _g(article: int, paragraph: int | None = None, item: int | None = None) -> Ground:
    return Ground(law=LAW, article=article, paragraph=paragraph, item=item)


class _Engine:
    def __init__(self, inp: DiscretionInput, situation: Situation, policies: Policies):
        self.inp = inp
        self.s = situation
        self.trace = _Trace()
        self.law_version = self._law_version(inp.act_date)
        day = inp.act_date
        b = situation.basis_on(day)
        if not situation.valid_on(day) or b is None:
            ranges = "；".join(f"{x.valid_from or '…'} 至 {x.valid_to or '…'}" for x in situation.bases or [])
            raise DiscretionError(f"违法情形 {situation.id} 在 act_date（违法行为发生日期）{day} 没有施行中的依据（依据期间：{ranges}）",
                                  ["act_date"])
        self.basis: Basis = b
        try:
            self.dp: DiscretionPolicy = policies.discretion_on(day)
            self.pp: ProcedurePolicy = policies.procedure_on(inp.decision_date or day)
        except PolicyError as e:
            raise DiscretionError(str(e), ["act_date" if inp.decision_date is None else "decision_date"]) from e

    # helpers ------------------------------------------------------------------------------------
    @staticmethod
    def _law_version(day: dt.date) -> str:
        try:
            from ..law.kb import get_kb

            v = get_kb().version(LAW, day)
            return f"{v.version_date.isoformat()}版"
        except Exception:  # the knowledge base is optional for the engine
            return ""

    def law(self, step: str, rule: str, g: Ground, note: str = "") -> None:
        self.trace.add(step, rule, self.law_version, g.as_text() + note)

    def facts(self) -> dict[str, bool]:
        q = self.inp.quantities
        return {"repeat_offence": self.inp.repeat_offence, "refused": self.inp.refused,
                "harm_serious": self.inp.harm == "serious", "harm_light": self.inp.harm in ("none", "minor"),
                "corrected": self.inp.corrected, "no_gains": not q.get("gains")}

    def basis_text(self, cites) -> str:
        return "、".join(c.as_text() for c in cites)

    # main ---------------------------------------------------------------------------------------
    def run(self) -> DiscretionResult:
        inp, s, b = self.inp, self.s, self.basis
        rng = f"{b.valid_from or '…'} 至 {b.valid_to or '…'}"
        self.trace.add("违法情形", f"{s.id} {s.name}；违法依据 {self.basis_text(b.violated)}；处罚依据 {self.basis_text(b.penalty)}；"
                       f"处罚种类 {'、'.join(b.penalty_kinds)}", f"{CATALOG_VERSION}（依据施行期间 {rng}）",
                       self.basis_text(b.penalty))
        self.trace.add("裁量规则", f"{self.dp.title}；按违法行为发生日期 {inp.act_date} 选用", self.dp.version,
                       _g(34).as_text())
        pday = inp.decision_date or inp.act_date
        self.trace.add("程序规则", f"{self.pp.title}；按{'决定日期' if inp.decision_date else '违法行为发生日期'} {pday} 选用",
                       self.pp.version, self.pp.source)
        if s.parties and "任何" not in s.parties and inp.party not in s.parties:
            raise DiscretionError(f"party（当事人类型）“{inp.party}”不是违法情形 {s.id} 的违法主体（{'、'.join(s.parties)}）",
                                  ["party"])
        first = self._first_offence()
        d = self._exempt() or self._first_exempt(first) or self._punish()
        if inp.previous is not None:
            d = self._cap(d, inp.previous)
        return self._finish(d)

    # step 3: mandatory exemptions -----------------------------------------------------------------
    def _exempt(self) -> _Decision | None:
        inp, s = self.inp, self.s
        if inp.party == "个人" and inp.age == "14-":
            g = _g(30)
            self.law("不予处罚", "不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教", g, "前段")
            return _Decision("不予处罚", [g], [], None, None, "行为人不满十四周岁", "guardian", g.as_text())
        if inp.party == "个人" and inp.capacity == "none":
            g = _g(31)
            self.law("不予处罚", "精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚，责令监护人严加看管和治疗",
                     g, "第一句")
            return _Decision("不予处罚", [g], [], None, None, "行为人不能辨认或者不能控制自己的行为", "custody", g.as_text())
        if inp.no_fault:
            g = _g(33, 2)
            self.law("不予处罚", "当事人有证据足以证明没有主观过错的，不予行政处罚（法律、行政法规另有规定的，从其规定，请核对处罚依据）", g)
            self.law("教育", "依法不予行政处罚的，应当对当事人进行教育", _g(33, 3))
            return _Decision("不予处罚", [g, _g(33, 3)], [], None, None, "当事人有证据足以证明没有主观过错", "education",
                             g.as_text())
        if inp.harm == "none" and inp.corrected:
            blockers = [f for f in self.dp.minor_exemption.excluded_by if getattr(inp, f)]
            if not s.exemption.minor:
                self.trace.add("轻微不罚", f"违法情形目录排除：{s.exemption.excluded_reason or '未说明理由'}", CATALOG_VERSION)
            elif blockers:
                names = {"repeat_offence": "再次违法", "refused": "拒不改正或阻碍执法"}
                self.trace.add("轻微不罚", f"有{'、'.join(names[b] for b in blockers)}情节，不认定为“违法行为轻微”", self.dp.version,
                               _g(33, 1).as_text() + "前段")
            else:
                g = _g(33, 1)
                self.law("不予处罚", "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚", g, "前段")
                self.law("教育", "依法不予行政处罚的，应当对当事人进行教育", _g(33, 3))
                return _Decision("不予处罚", [g, _g(33, 3)], [], None, None, "违法行为轻微并及时改正，没有造成危害后果",
                                 "education", g.as_text() + "前段")
        return None

    # step 4: first offence --------------------------------------------------------------------------
    def _first_offence(self) -> bool:
        inp, fo = self.inp, self.dp.first_offence
        if inp.previous_offence_date is None:
            return inp.first_offence
        window_start = _add_months(inp.act_date, -fo.lookback_months)
        within = inp.previous_offence_date > window_start
        if within and inp.first_offence:
            raise DiscretionError(
                f"输入相互矛盾：first_offence（首次违法）为真，但 previous_offence_date（上次同类违法处罚日期）{inp.previous_offence_date} "
                f"在 {fo.lookback_months} 个月回溯期内（{window_start} 之后）", ["first_offence", "previous_offence_date"])
        self.trace.add("首次违法认定", f"上次同类违法 {inp.previous_offence_date}，回溯期 {fo.lookback_months} 个月（{window_start} 之后）："
                       f"{'在回溯期内，不是首次违法' if within else '在回溯期外，按首次违法认定'}", self.dp.version)
        return not within

    def _first_exempt(self, first: bool) -> _Decision | None:
        inp, s, fo = self.inp, self.s, self.dp.first_offence
        if not first:
            return None
        allowed_harm = ("none",) if fo.max_harm == "none" else ("none", "minor")
        if not s.exemption.first_offence:
            why = s.exemption.excluded_reason or "未列入首违不罚清单"
            self.trace.add("首违不罚", f"该违法情形不适用首违不罚：{why}", CATALOG_VERSION, _g(33, 1).as_text() + "后段")
            return None
        missing = []
        if inp.harm not in allowed_harm:
            missing.append(f"危害后果应为{'没有' if fo.max_harm == 'none' else '轻微或没有'}（本案：{HARM_CN[inp.harm]}）")
        if not inp.corrected:
            missing.append("应当及时改正（本案未改正）")
        blockers = [f for f in fo.excluded_by if getattr(inp, f)]
        if blockers:
            missing.append("有" + "、".join({"repeat_offence": "再次违法", "refused": "拒不改正或阻碍执法"}[b] for b in blockers) + "情节")
        if missing:
            self.trace.add("首违不罚", "不符合条件：" + "；".join(missing), self.dp.version, _g(33, 1).as_text() + "后段")
            return None
        g = _g(33, 1)
        self.law("可以不予处罚", f"初次违法且危害后果轻微并及时改正的，可以不予行政处罚（首违回溯期 {fo.lookback_months} 个月；"
                 f"是否不予处罚由执法机关裁量决定）", g, "后段")
        self.law("教育", "依法不予行政处罚的，应当对当事人进行教育", _g(33, 3))
        return _Decision("可以不予处罚", [g, _g(33, 3)], [], None, None, "当事人初次违法且危害后果轻微并及时改正", "education",
                         g.as_text() + "后段")

    # step 5: penalty --------------------------------------------------------------------------------
    def _circumstances(self):
        inp = self.inp
        mandatory: list[tuple[str, Ground]] = []
        optional: list[tuple[str, Ground]] = []
        if inp.party == "个人" and inp.age == "14-18":
            mandatory.append(("已满十四周岁不满十八周岁的未成年人", _g(30)))
        if inp.eliminated_harm:
            mandatory.append(("主动消除或者减轻违法行为危害后果", _g(32, None, 1)))
        if inp.coerced:
            mandatory.append(("受他人胁迫或者诱骗实施违法行为", _g(32, None, 2)))
        if inp.confessed:
            mandatory.append(("主动供述行政机关尚未掌握的违法行为", _g(32, None, 3)))
        if inp.meritorious:
            mandatory.append(("配合行政机关查处违法行为有立功表现", _g(32, None, 4)))
        if inp.party == "个人" and inp.capacity == "limited":
            optional.append(("尚未完全丧失辨认或者控制自己行为能力", _g(31)))
        names = {"repeat_offence": "再次违法（回溯期内因同一违法行为受过处罚）", "refused": "拒不改正或者阻碍、拒绝执法"}
        used = getattr(self, "used_facts", set())
        aggravating = [names[f] for f in self.dp.aggravation.facts if getattr(inp, f) and f not in used]
        for f in self.dp.aggravation.facts:
            if getattr(inp, f) and f in used:
                self.trace.add("从重情节", f"{names[f]}：已作为适用罚款条款的条件，不再重复作为从重情节", self.dp.version,
                               _g(5, 2).as_text())
        return mandatory, optional, aggravating

    def _outcome(self):
        mandatory, optional, aggr = self._circumstances()
        mit = mandatory + optional
        for label, g in mandatory:
            self.law("从轻、减轻情节", f"{label}：应当从轻或者减轻行政处罚", g)
        for label, g in optional:
            self.law("从轻、减轻情节", f"{label}：可以从轻或者减轻行政处罚", g)
        for label in aggr:
            self.trace.add("从重情节", label, self.dp.version, _g(34).as_text())
        reduce_at = self.dp.mitigation.reduce_at
        if len(mit) >= reduce_at and not aggr:
            outcome, why = "减轻", f"具有 {len(mit)} 个从轻、减轻情节（达到 {reduce_at} 个）且没有从重情节"
        elif mandatory:
            outcome = "从轻"
            why = "具有法定应当从轻或者减轻的情节" + ("；同时具有从重情节，法定情节优先，不从重" if aggr else "")
        elif optional and not aggr:
            outcome, why = "从轻", "具有可以从轻或者减轻的情节"
        elif optional and aggr:
            outcome, why = "一般", "可以从轻的情节与从重情节并存，相互抵消"
        elif aggr:
            outcome, why = "从重", "具有从重情节"
        else:
            outcome, why = "一般", "没有从轻、减轻或者从重情节"
        grounds = [g for _, g in mit] if outcome in ("减轻", "从轻") else [_g(5, 2), _g(34)]
        self.trace.add("裁量结果", f"{outcome}：{why}", self.dp.version,
                       "、".join(g.as_text() for g in grounds))
        return outcome, grounds

    def _tier(self) -> Tier | None:
        inp = self.inp
        tiers = [t for t in self.basis.tiers if t.party == inp.party] or [t for t in self.basis.tiers if t.party == "任何"]
        if not tiers:
            note = f"（所选“{inp.tier}”档不适用）" if inp.tier else ""
            self.trace.add("裁量档次", f"违法情形没有为该当事人设定档次，以法定幅度为基准幅度{note}", CATALOG_VERSION)
            return None
        by_level = {t.level: t for t in tiers}
        if inp.tier:
            if inp.tier not in by_level:
                raise DiscretionError(f"tier（裁量档次）“{inp.tier}”不存在；该情形对{inp.party}的档次：{'、'.join(by_level)}", ["tier"])
            t = by_level[inp.tier]
            self.trace.add("裁量档次", f"执法人员选定“{t.level}”档：{t.when}", CATALOG_VERSION)
            return t
        want = self.dp.harm_tier[inp.harm]
        i = TIER_ORDER.index(want)
        order = [TIER_ORDER[j] for j in range(i, -1, -1)] + [TIER_ORDER[j] for j in range(i + 1, len(TIER_ORDER))]
        level = next(lv for lv in order if lv in by_level)
        t = by_level[level]
        note = "" if level == want else f"（没有“{want}”档，取“{level}”档）"
        self.trace.add("裁量档次", f"{HARM_CN[inp.harm]} → “{level}”档{note}：{t.when}；请核对档次条件", self.dp.version)
        return t

    def _multiplier(self, f: Fine) -> tuple[float, str]:
        """Yuan per unit of the clause's min/max, and a description; raises when a quantity is missing."""
        if f.kind == "range":
            return 1.0, ""
        if f.kind == "per_unit":
            key = UNIT_QUANTITY.get(f.unit or "")
            if key is None:
                raise DiscretionError(f"处罚依据按“每{f.unit}”计罚，引擎不认识该计量单位；请在违法情形中改用：{'、'.join(UNIT_QUANTITY)}",
                                      ["quantities"])
        else:
            key = KIND_QUANTITY[f.kind]
        q = self.inp.quantities.get(key)
        if q is None:
            raise DiscretionError(f"缺少计算罚款所需的数量 quantities.{key}（{QUANTITIES[key]}）：处罚依据按"
                                  f"{'每' + f.unit if f.kind == 'per_unit' else KIND_LABEL[f.kind]}计罚", [f"quantities.{key}"])
        if q <= 0:
            raise DiscretionError(f"quantities.{key}（{QUANTITIES[key]}）必须大于 0：处罚依据按该数量计罚", [f"quantities.{key}"])
        if f.kind == "cost_percent":
            return q / 100, f"工程造价 {_yuan(q)} × 百分比"
        if f.kind == "gains_percent":
            return q / 100, f"违法所得 {_yuan(q)} × 百分比"
        if f.kind == "fee_percent":
            return q / 100, f"费用 {_yuan(q)} × 百分比"
        if f.kind == "per_unit":
            return q, f"{q:g}{f.unit} × 每{f.unit}单价"
        return q, f"{QUANTITIES[key].split('（')[0]} {_yuan(q)} × 倍数"

    def _clauses(self) -> tuple[list[Fine], str]:
        """The fine clauses that apply to this party and these facts; records the facts a condition used."""
        inp = self.inp
        self.used_facts: set[str] = set()
        own = [f for f in self.basis.fines if f.party == inp.party]
        clauses = own or [f for f in self.basis.fines if f.party == "任何"]
        if not clauses:
            return [], f"处罚依据对{inp.party}没有罚款条款"
        base = [f for f in clauses if not f.condition]
        met, unmet = [], []
        facts = self.facts()
        described = (self.s.name + self.s.conduct).replace("，", "").replace(",", "")
        for f in clauses:
            if not f.condition:
                continue
            rules = [r for r in self.dp.conditions if r.contains in f.condition]
            if rules:
                hit = [r.fact for r in rules if facts[r.fact]]
                if hit:
                    met.append(f)
                    self.used_facts.update(hit)
                else:
                    unmet.append(f"“{f.condition}”（本案不满足）")
                continue
            head = f.condition.replace("，", ",").split(",")[0].rstrip("的")
            if head and head in described:
                met.append(f)
                self.trace.add("罚款条件", f"“{f.condition}”已在违法情形的名称或行为描述中界定，视为满足", self.dp.version)
            else:
                unmet.append(f"“{f.condition}”（引擎无法判断，未适用；如满足请执法人员核对）")
        if met:
            return met, "适用附条件罚款条款：" + "、".join(f"“{f.condition}”" for f in met)
        note = ("；附条件条款未适用：" + "、".join(unmet)) if unmet else ""
        if not base:
            return [], "罚款只在附条件情形下适用" + note
        return base, "适用罚款条款" + note

    def _punish(self) -> _Decision:
        b, dp = self.basis, self.dp
        clauses, how = self._clauses()
        outcome, grounds = self._outcome()
        tier = self._tier()
        kinds = list(tier.kinds) if tier and tier.kinds else list(b.penalty_kinds)
        fine: FineOut | None = None
        legal: tuple[float, float] | None = None
        if clauses:
            parts = []
            lo_all, hi_all = math.inf, -math.inf
            for f in clauses:
                m, desc = self._multiplier(f)
                lo, hi = f.min * m, f.max * m
                lo_all, hi_all = min(lo_all, lo), max(hi_all, hi)
                unit = f"元/{f.unit}" if f.kind == "per_unit" else KIND_LABEL[f.kind]
                parts.append(f"{f.min:g}–{f.max:g}{unit}" + (f"（{desc} = {_yuan(lo)}–{_yuan(hi)}）" if desc else ""))
            legal = (round(lo_all, 2), round(hi_all, 2))
            self.trace.add("法定罚款幅度", f"{how}：{'；'.join(parts)}；法定幅度 {_yuan(legal[0])}–{_yuan(legal[1])}",
                           f"{CATALOG_VERSION}（依据施行期间 {b.valid_from or '…'} 至 {b.valid_to or '…'}）",
                           self.basis_text(b.penalty))
            base = legal
            if tier is not None:
                m, _ = self._multiplier(clauses[0])
                tlo, thi = max(tier.min * m, legal[0]), min(tier.max * m, legal[1])
                if tlo <= thi:
                    base = (round(tlo, 2), round(thi, 2))
                    self.trace.add("基准幅度", f"“{tier.level}”档 {tier.min:g}–{tier.max:g}"
                                   f"{'' if clauses[0].kind == 'range' else '（按数量折算）'} → {_yuan(base[0])}–{_yuan(base[1])}",
                                   CATALOG_VERSION)
                else:
                    self.trace.add("基准幅度", f"“{tier.level}”档与本案适用的法定幅度不重叠，以法定幅度为基准幅度", CATALOG_VERSION)
            fine, outcome = self._band(outcome, base, legal, kinds)
        else:
            self.trace.add("法定罚款幅度", how + "，不建议罚款", CATALOG_VERSION, self.basis_text(b.penalty))
            if outcome == "减轻":
                light = [k for k in dp.mitigation.lighter_kinds if k in kinds]
                if light:
                    self.trace.add("减轻处罚", f"改处较轻的处罚种类：{'、'.join(light)}", dp.version)
        penalties = self._penalties(outcome, kinds, fine, tier)
        return _Decision(outcome, grounds, penalties, fine, legal)

    def _band(self, outcome: str, base: tuple[float, float], legal: tuple[float, float], kinds: list[str]):
        dp = self.dp
        if outcome == "减轻":
            light = [k for k in dp.mitigation.lighter_kinds if k in kinds]
            if light:
                self.trace.add("减轻处罚", f"处罚依据允许{'、'.join(light)}，减轻为{'、'.join(light)}，不予罚款", dp.version,
                               _g(32).as_text())
                return None, outcome
            if legal[0] <= 0:
                self.trace.add("减轻处罚", "法定罚款幅度没有下限，无法在最低限以下减轻，按从轻幅度确定", dp.version)
                outcome = "从轻"
            elif dp.mitigation.below_minimum_allowed:
                lo = round(legal[0] * dp.mitigation.below_minimum_floor, 2)
                self.trace.add("减轻处罚", f"裁量规则允许在法定最低额以下减轻，不低于最低额的 {dp.mitigation.below_minimum_floor:g}："
                               f"{_yuan(lo)}–{_yuan(legal[0])}", dp.version)
                return self._point(lo, legal[0], "减轻"), outcome
            else:
                self.trace.add("减轻处罚", f"裁量规则不允许引擎建议低于法定最低额的罚款：建议法定最低额 {_yuan(legal[0])}；"
                               "确需在最低额以下处罚的，由负责人集体讨论决定", dp.version, _g(57, 2).as_text())
                return self._point(legal[0], legal[0], "减轻"), outcome
        a, c = dp.bands[outcome]
        lo = round(base[0] + a * (base[1] - base[0]), 2)
        hi = round(base[0] + c * (base[1] - base[0]), 2)
        self.trace.add("裁量幅度", f"{outcome}：基准幅度的 {a:.0%}–{c:.0%} → {_yuan(lo)}–{_yuan(hi)}", dp.version)
        return self._point(lo, hi, outcome), outcome

    def _point(self, lo: float, hi: float, outcome: str) -> FineOut:
        sp = self.dp.suggested
        p = lo + sp.point * (hi - lo)
        r = math.floor(p / sp.round_to + 0.5) * sp.round_to
        if r < lo or r > hi:
            r = min(max(p, lo), hi)
            r = round(r, 2)
        self.trace.add("建议罚款", f"幅度内取 {sp.point:.0%} 处 {_yuan(p)}，取整到 {sp.round_to} 元：{_yuan(r)}", self.dp.version)
        return FineOut(min=_num(lo), max=_num(hi), suggested=_num(r))

    def _penalties(self, outcome: str, kinds: list[str], fine: FineOut | None, tier: Tier | None) -> list[str]:
        dp, inp = self.dp, self.inp
        out: list[str] = []
        orders = [k for k in kinds if k not in PUNITIVE and k not in dp.coercive_kinds]
        if not any(k.startswith("责令") for k in orders):
            orders.insert(0, "责令改正")
            self.law("责令改正", "实施行政处罚时，应当责令当事人改正或者限期改正违法行为", _g(28, 1))
        out += orders
        coercive = [k for k in kinds if k in dp.coercive_kinds]
        if coercive:
            self.trace.add("强制措施", f"{'、'.join(coercive)}是行政强制措施，不列入处罚种类；符合条件时另行依法实施", dp.version)
        explicit = bool(tier and tier.kinds)
        for k in kinds:
            if k not in PUNITIVE or k in out:
                continue
            if k == "罚款":
                if fine is not None:
                    out.append(k)
            elif k in LIGHT_KINDS:
                if fine is None or explicit:
                    out.append(k)
            elif k == "没收违法所得":
                if inp.quantities.get("gains"):
                    out.append(k)
                    self.law("没收违法所得", "当事人有违法所得，除依法应当退赔的外，应当予以没收", _g(28, 2))
            elif k in dp.heavy_kinds:
                if explicit or outcome == "从重" or (tier is not None and tier.level == "严重"):
                    out.append(k)
                else:
                    self.trace.add("较重处罚", f"{k}：本案非从重且非“严重”档，不建议", dp.version)
            else:
                out.append(k)
        return out

    # step 6: 陈述申辩不加重 --------------------------------------------------------------------------
    def _cap(self, d: _Decision, prev: DiscretionResult) -> _Decision:
        g45 = _g(45, 2)
        heavier = []
        if OUTCOME_RANK[d.outcome] > OUTCOME_RANK[prev.outcome]:
            heavier.append(f"裁量结果 {d.outcome} 重于原 {prev.outcome}")
        extra = [k for k in d.penalties if k not in prev.penalties]
        if extra:
            heavier.append(f"增加处罚种类 {'、'.join(extra)}")
        if d.fine is not None and (prev.fine is None or d.fine.suggested > prev.fine.suggested or d.fine.max > prev.fine.max):
            heavier.append("罚款高于原建议")
        if not heavier:
            if self.inp.after_statement:
                self.law("陈述申辩复核", "复核结果不重于陈述申辩前的建议", g45)
            return d
        out = _Decision(d.outcome, d.grounds, [k for k in d.penalties if k in prev.penalties], d.fine, d.legal_range,
                        d.reason, d.template, d.ground_text)
        if OUTCOME_RANK[prev.outcome] < OUTCOME_RANK[d.outcome]:
            out.outcome, out.grounds = prev.outcome, list(prev.grounds)
            if prev.outcome in ("不予处罚", "可以不予处罚"):
                out.template, out.reason = "education", "经陈述申辩复核，维持不予处罚的意见"
                out.ground_text = "、".join(g.as_text() for g in prev.grounds)
        if prev.fine is None or "罚款" not in out.penalties:
            out.fine = None
            out.penalties = [k for k in out.penalties if k != "罚款"]
        elif d.fine is not None:
            sug = min(d.fine.suggested, prev.fine.suggested)
            mx = min(d.fine.max, prev.fine.max)
            mn = min(d.fine.min, prev.fine.min, sug)
            if d.legal_range and sug < d.legal_range[0]:
                sug = d.legal_range[0]
                mn = max(mn, d.legal_range[0])
                self.trace.add("陈述申辩复核", "原建议低于本次事实对应的法定最低额（数量等事实已变化），按法定最低额", self.dp.version)
            out.fine = FineOut(min=_num(mn), max=_num(max(mx, sug)), suggested=_num(sug))
        self.law("陈述申辩复核", "行政机关不得因当事人陈述、申辩而给予更重的处罚：" + "；".join(heavier) + "，以原建议为上限", g45)
        return out

    # step 7: 721, texts and procedure ------------------------------------------------------------------
    def _finish(self, d: _Decision) -> DiscretionResult:
        inp, s, b, dp, pp = self.inp, self.s, self.basis, self.dp, self.pp
        punitive = [k for k in d.penalties if k in PUNITIVE]
        if d.outcome in ("不予处罚", "可以不予处罚"):
            cls = "服务"
        elif d.fine is None and all(k in LIGHT_KINDS for k in punitive):
            cls = "管理"
        else:
            cls = "执法"
        fmt = {"situation": s.name, "violated": self.basis_text(b.violated), "penalty": self.basis_text(b.penalty),
               "reason": d.reason or "", "ground": d.ground_text or "、".join(g.as_text() for g in d.grounds)}
        guidance = None
        if cls in ("服务", "管理"):
            key = (d.template or "education") if cls == "服务" else "correction"
            guidance = "".join(dp.templates[key].split()).format(**fmt)
        self.trace.add("“721”分类", {"服务": "不予处罚，以教育、引导为主（服务）", "管理": "不罚款，责令改正或警告（管理）",
                                    "执法": "给予罚款或者更重的处罚（执法）"}[cls] + (f"。文书用语：{guidance}" if guidance else ""),
                       dp.version)

        party = inp.party
        # 简易程序（第五十一条）
        sp = pp.simple_procedure
        allowed = set(sp.kinds)
        simple = bool(punitive) and set(punitive) <= allowed and (d.fine is None or d.fine.suggested <= sp.fine_limits[party])
        why = ("可以当场作出（警告，或罚款不超过 " + _yuan(sp.fine_limits[party]) + "）") if simple else (
            "不适用：没有处罚" if not punitive else "不适用：处罚种类或罚款数额超出当场处罚的范围")
        self.trace.add("简易程序", why, pp.version, sp.basis.as_text())
        # 听证
        hp = pp.hearing
        thr = hp.thresholds[party]
        reasons = []
        if d.fine is not None and d.fine.suggested >= thr:
            reasons.append(f"罚款 {_yuan(d.fine.suggested)} 达到较大数额标准 {_yuan(thr)}")
        elif d.fine is not None and d.fine.max >= thr:
            self.trace.add("听证", f"建议值低于较大数额标准 {_yuan(thr)}，但幅度上限达到；如决定罚款达到标准，应当告知听证权利",
                           pp.version, hp.local_rule)
        for k in d.penalties:
            if k in hp.kinds:
                reasons.append(f"拟作出{k}")
            elif k in hp.confiscation_kinds:
                amount = inp.quantities.get("gains" if k == "没收违法所得" else "value")
                if amount is not None and amount >= thr:
                    reasons.append(f"{k} {_yuan(amount)} 达到较大数额标准")
                elif amount is None:
                    self.trace.add("听证", f"{k}：数额或价值未知（quantities.value），请核对是否达到 {_yuan(thr)}", pp.version,
                                   hp.local_rule)
        hearing = bool(reasons)
        self.trace.add("听证", ("应当告知听证权利：" + "；".join(reasons)) if reasons else "不属于听证范围", pp.version,
                       hp.basis.as_text() + "；" + hp.local_rule)
        # 法制审核、集体讨论
        facts = {
            "hearing": hearing,
            "mitigated": d.outcome == "减轻",
            "demolition": any(k in pp.legal_review.demolition_kinds for k in d.penalties),
            "transfer": inp.transfer,
            "compulsory_execution": inp.compulsory_execution,
            "heavy_kinds": any(k in dp.heavy_kinds for k in d.penalties),
            "exempt": d.outcome in ("不予处罚", "可以不予处罚"),
        }
        labels = {"hearing": "达到听证标准", "mitigated": "减轻处罚", "demolition": "责令限期拆除", "transfer": "移送",
                  "compulsory_execution": "行政强制执行", "heavy_kinds": "较重处罚种类", "exempt": "不予处罚"}
        lr = [labels[t] for t in pp.legal_review.triggers if facts[t]]
        cd = [labels[t] for t in pp.collective_discussion.triggers if facts[t]]
        self.trace.add("法制审核", ("属于重大执法决定，应当法制审核：" + "、".join(lr)) if lr else "不属于重大执法决定目录", pp.version,
                       pp.legal_review.basis.as_text())
        self.trace.add("集体讨论", ("应当由负责人集体讨论决定：" + "、".join(cd)) if cd else "不需要集体讨论", pp.version,
                       pp.collective_discussion.basis.as_text())
        return DiscretionResult(
            situation_id=s.id, outcome=d.outcome, grounds=d.grounds, penalties=d.penalties, fine=d.fine, class_721=cls,
            simple_procedure=simple, hearing_required=hearing, legal_review_required=bool(lr),
            collective_discussion_required=bool(cd), trace=self.trace.steps, guidance=guidance, legal_range=d.legal_range)


def _add_months(d: dt.date, months: int) -> dt.date:
    import calendar as stdcal

    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, stdcal.monthrange(year, month)[1]))


def _lookup(sid: str, catalog) -> Situation:
    if catalog is None:
        from ..rules.catalog import get_catalog

        catalog = get_catalog()
    if hasattr(catalog, "situation"):
        s = catalog.situation(sid)
    elif isinstance(catalog, Mapping):
        s = catalog.get(sid)
    elif isinstance(catalog, Iterable):
        s = next((x for x in catalog if x.id == sid), None)
    else:
        raise TypeError("catalog 应为 Catalog、{id: Situation} 或 Situation 列表")
    if s is None:
        raise DiscretionError(f"没有编号为 {sid} 的违法情形", ["situation_id"])
    return s


def recommend(inp: DiscretionInput | dict, catalog=None, policies: Policies | None = None) -> DiscretionResult:
    """The penalty recommendation for one case. `catalog`: a Catalog, a {id: Situation} mapping or a list of
    Situation (default: the shipped catalog). `policies`: default the files in data/policies/."""
    if isinstance(inp, dict):
        inp = DiscretionInput.parse(inp)
    situation = _lookup(inp.situation_id, catalog)
    return _Engine(inp, situation, policies or get_policies()).run()


#: every 行政处罚法 provision the engine can cite (verified against the knowledge base by `discretion-check` and tests)
ENGINE_CITATIONS = [_g(5, 2), _g(28, 1), _g(28, 2), _g(30), _g(31), _g(32), _g(32, None, 1), _g(32, None, 2),
                    _g(32, None, 3), _g(32, None, 4), _g(33, 1), _g(33, 2), _g(33, 3), _g(34), _g(45, 2), _g(57, 2)]
