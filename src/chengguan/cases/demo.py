"""Demo cases: a realistic, deterministic dataset for 涪陵区 so that a newcomer can click through at once.

`seed_cases()` (called by `chengguan demo` through chengguan.web.demo.seed_demo) creates the teams (支队, 大队,
中队 and a few 镇街综合行政执法队), Officer profiles with 执法证号 for the demo accounts (and extra officers so
every case has two certified officers), then `count` cases over the last ~10 months in every state.

Every case is built ONLY through chengguan.cases.actions, each action run under `actions.as_of(day)`, and all
actions of all cases are executed in date order, so case numbers and 文号 are issued chronologically, the audit
chain is the real one and the clocks (90-day decision period, 陈述申辩 and payment deadlines) are computed by
the engine. Dates stay inside the loaded holiday calendar: no open case needs a deadline past its last year.

Teams, officers and users are set up directly (as in the test stories): they are not case state.

`seed_bulk(n)` is for the web benchmark (10,000 cases); see its docstring for why it clones instead of
calling the actions for every case.
"""

from __future__ import annotations

import datetime as dt
import random
import struct
import sys
import time
import zlib
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import DatabaseError, IntegrityError, transaction

from . import actions, audit
from .models import AuditEntry, AuditHead, Case, DocumentCounter, Evidence, Officer, Review, Team, Transfer

ROLES = ["执法队员", "中队长", "大队长", "法制审核员", "局领导", "镇街执法人员", "管理员"]


class DemoResetError(RuntimeError):
    """Demo cases cannot be deleted: the audit log and the evidence are append-only (database triggers)."""


# ---- people and teams -------------------------------------------------------------------------------
DETACHMENT = "涪陵区城市管理综合行政执法支队"
# name, kind, town (镇街 teams only), 镇街 where a district squad usually works, domains it mainly handles
SQUADS = [
    ("一大队第一中队", ["敦仁街道", "崇义街道"], None),
    ("一大队第二中队", ["荔枝街道", "江东街道"], None),
    ("二大队第一中队", ["江北街道", "李渡街道", "龙桥街道"], None),
    ("二大队第二中队", ["马鞍街道", "白涛街道", "南沱镇", "清溪镇"], None),
    ("专业执法大队第一中队", ["敦仁街道", "崇义街道", "荔枝街道", "江东街道", "李渡街道"],
     {"城乡规划与违法建设", "住房城乡建设与物业", "规划自然资源", "燃气", "人民防空与国防动员", "风景名胜与历史文化保护",
      "供水", "排水与污水", "生态环境"}),
]
BRIGADES = {"执法一大队": ["一大队第一中队", "一大队第二中队"], "执法二大队": ["二大队第一中队", "二大队第二中队"],
            "专业执法大队": ["专业执法大队第一中队"]}
TOWN_TEAMS = ["荔枝街道", "李渡街道", "白涛街道", "蔺市镇", "珍溪镇", "马武镇"]

# username, 姓, 名, role, team name (None = 支队机关)
PEOPLE = [
    ("xiaowang", "王", "小", "执法队员", "一大队第一中队"),
    ("xiaozhao", "赵", "小", "执法队员", "一大队第一中队"),
    ("laoli", "李", "老", "中队长", "一大队第一中队"),
    ("dadui", "周", "大队", "大队长", "执法一大队"),
    ("zhanglvshi", "张", "律师", "法制审核员", DETACHMENT),
    ("juzhang", "陈", "局长", "局领导", DETACHMENT),
    ("xiaochen", "陈", "小", "镇街执法人员", "荔枝街道综合行政执法队"),
    ("liuyang", "刘", "洋", "执法队员", "一大队第一中队"),
    ("huangjianguo", "黄", "建国", "中队长", "一大队第二中队"),
    ("tangjing", "唐", "静", "执法队员", "一大队第二中队"),
    ("heqiang", "何", "强", "执法队员", "一大队第二中队"),
    ("wuzhigang", "吴", "志刚", "中队长", "二大队第一中队"),
    ("luotao", "罗", "涛", "执法队员", "二大队第一中队"),
    ("fangli", "方", "丽", "执法队员", "二大队第一中队"),
    ("zhenghai", "郑", "海", "中队长", "二大队第二中队"),
    ("xiejun", "谢", "军", "执法队员", "二大队第二中队"),
    ("songmin", "宋", "敏", "执法队员", "二大队第二中队"),
    ("ranguangming", "冉", "光明", "中队长", "专业执法大队第一中队"),
    ("tianyu", "田", "宇", "执法队员", "专业执法大队第一中队"),
    ("qinlei", "秦", "磊", "执法队员", "专业执法大队第一中队"),
    ("xiangdong", "向", "东", "大队长", "执法二大队"),
    ("pengguoping", "彭", "国平", "大队长", "专业执法大队"),
    ("yangfan", "杨", "帆", "镇街执法人员", "荔枝街道综合行政执法队"),
    ("jiangweidong", "蒋", "卫东", "中队长", "荔枝街道综合行政执法队"),
    ("lidu1", "邓", "小川", "镇街执法人员", "李渡街道综合行政执法队"),
    ("lidu2", "余", "佳", "镇街执法人员", "李渡街道综合行政执法队"),
    ("liduzd", "况", "永红", "中队长", "李渡街道综合行政执法队"),
    ("baitao1", "文", "斌", "镇街执法人员", "白涛街道综合行政执法队"),
    ("baitao2", "谭", "雪", "镇街执法人员", "白涛街道综合行政执法队"),
    ("baitaozd", "秦", "德明", "中队长", "白涛街道综合行政执法队"),
    ("linshi1", "夏", "勇", "镇街执法人员", "蔺市镇综合行政执法队"),
    ("linshi2", "孙", "莉", "镇街执法人员", "蔺市镇综合行政执法队"),
    ("linshizd", "马", "成", "中队长", "蔺市镇综合行政执法队"),
    ("zhenxi1", "朱", "波", "镇街执法人员", "珍溪镇综合行政执法队"),
    ("zhenxi2", "胡", "婷", "镇街执法人员", "珍溪镇综合行政执法队"),
    ("zhenxizd", "郭", "正华", "中队长", "珍溪镇综合行政执法队"),
    ("mawu1", "潘", "伟", "镇街执法人员", "马武镇综合行政执法队"),
    ("mawu2", "袁", "芳", "镇街执法人员", "马武镇综合行政执法队"),
    ("mawuzd", "冯", "国强", "中队长", "马武镇综合行政执法队"),
]
DEMO_USERNAMES = {p[0] for p in PEOPLE}

# ---- places -----------------------------------------------------------------------------------------
STREETS = {
    "敦仁街道": ["中山路", "兴华中路", "人民东路", "广场路", "高笋塘路", "和平路"],
    "崇义街道": ["太白大道", "鹤凤大道", "望州路", "易家坝路", "黎明路", "二渡路"],
    "荔枝街道": ["兴华东路", "滨江大道", "荔枝大道", "江南大道", "太极大道", "川汇路"],
    "江东街道": ["江东大道", "群沱子路", "江东正街", "乌江大道"],
    "江北街道": ["北山路", "江北正街", "韩家沱路", "二渡沟路"],
    "李渡街道": ["聚龙大道", "李渡大道", "致韵路", "太极大道北段"],
    "龙桥街道": ["龙桥大道", "龙桥正街", "工业园路"],
    "马鞍街道": ["马鞍大道", "黄旗大道", "马鞍正街"],
    "白涛街道": ["白涛大道", "白涛正街", "化工园路"],
    "南沱镇": ["南沱正街", "南沱新街"], "清溪镇": ["清溪正街", "清溪新街"], "蔺市镇": ["蔺市正街", "蔺市老街", "美心大道"],
    "珍溪镇": ["珍溪正街", "珍溪新街"], "马武镇": ["马武正街", "马武新街"],
}
VILLAGES = ["双龙", "石龙", "红花", "新桥", "大坪", "石桥", "团结", "永兴", "梨子", "白果"]
SPOTS = ["门前人行道", "临街门面外", "路段人行道", "旁空地", "背街小巷", "交叉路口", "小区出入口", "公交站台旁", "农贸市场周边",
         "河滨步道", "在建工地", "绿化带"]
SOURCE_OPENERS = {
    "巡查": "执法人员日常巡查时发现",
    "举报": "接群众来电举报反映",
    "视频": "数字城管视频监控发现",
    "12345": "接12345市民服务热线转办工单反映",
    "移送": "接其他机关移送线索反映",
}
SCENES = {
    "市容环卫": ["现场影响市容和行人通行，周边居民多次反映", "执法人员当场责令改正，当事人未能立即整改"],
    "园林绿化": ["现场绿地植被受损明显，已拍照固定", "经园林养护单位现场确认受损情况"],
    "市政设施与城市道路": ["现场道路设施受损，已设置临时警示标志", "当事人未能出示占用或挖掘城市道路的批准文件"],
    "城乡规划与违法建设": ["当事人未能出示建设工程规划许可证等审批手续", "现场主体结构已基本完成，执法人员当场责令停止建设"],
    "建筑垃圾与渣土": ["现场路面有明显遗撒痕迹，已通知环卫单位清扫", "车辆未按要求密闭，车厢后挡板有泥土滴漏"],
    "扬尘/油烟/噪声/焚烧": ["周边居民反映影响正常生活，现场有明显扬尘、油烟或噪声", "执法人员当场制作现场检查笔录并拍照取证"],
    "户外广告与招牌": ["当事人未能出示设置审批手续", "现场设施存在安全隐患，已责令限期整改"],
    "燃气": ["现场查见液化石油气钢瓶若干，已依法先行登记保存", "当事人未能出示燃气经营许可证"],
    "排水与污水": ["现场可见污水外排痕迹，已采集水样", "当事人未能出示污水排入排水管网许可证"],
    "供水": ["经供水主管部门现场核查确认", "当事人未能提供供水设施检修和水质检测记录"],
    "住房城乡建设与物业": ["当事人未能提供相关资质证书、合同或备案材料", "经调阅工程资料并询问项目负责人确认"],
    "规划自然资源": ["经现场测量并比对土地利用现状图确认", "当事人未能出示用地审批手续"],
    "人民防空与国防动员": ["经比对人防工程档案确认", "当事人未能出示人防主管部门的批准文件"],
    "风景名胜与历史文化保护": ["现场位于保护范围内，已拍照固定", "经管理机构现场确认"],
    "食品摊贩与无照经营": ["当事人未在镇街划定的区域和时段内经营", "现场影响行人通行和环境卫生"],
    "生态环境": ["当事人以拖延等方式拒绝配合检查", "执法人员全程执法记录仪记录"],
}
DOMAIN_WEIGHTS = {
    "市容环卫": 26, "扬尘/油烟/噪声/焚烧": 12, "建筑垃圾与渣土": 9, "城乡规划与违法建设": 9, "户外广告与招牌": 7,
    "园林绿化": 7, "市政设施与城市道路": 7, "食品摊贩与无照经营": 5, "住房城乡建设与物业": 4, "燃气": 4, "排水与污水": 4,
    "供水": 1, "规划自然资源": 2, "人民防空与国防动员": 1, "风景名胜与历史文化保护": 1, "生态环境": 1,
}
QUANTITY_RANGES = {  # (typical low, high), serious cases ×3
    "area": (3, 80), "days": (1, 20), "vehicles": (1, 3), "volume": (1, 30), "weight": (1, 15), "length": (5, 60),
    "cost": (30_000, 600_000), "gains": (500, 20_000), "value": (300, 8_000), "fee": (2_000, 60_000), "count": (1, 8),
    "trees": (1, 6),
}
QUANTITY_PHRASES = {
    "area": "涉及面积约{v}平方米", "days": "持续约{v}日", "vehicles": "涉及车辆{v}辆", "volume": "涉及体积约{v}立方米",
    "weight": "涉及重量约{v}吨", "length": "涉及长度约{v}米", "cost": "工程造价约{v}元", "gains": "违法所得约{v}元",
    "value": "涉及价值约{v}元", "fee": "应缴费用约{v}元", "count": "共{v}处（个、次）", "trees": "涉及树木{v}株",
}
SURNAMES = "刘王张李陈杨黄赵周吴徐孙马朱胡郭何罗高林谭冉向秦蒋唐邓彭田余况文夏袁冯潘"
FEMALE = "芳英琴兰梅丽霞燕玲秀萍红敏静莉"
MALE = "强军华平明伟勇刚林斌波涛杰鹏辉"
FIRMS = "鑫恒宏盛顺达兴和佳瑞源泰丰祥隆"
INDUSTRY = {
    "城乡规划与违法建设": "建筑工程", "住房城乡建设与物业": "建设工程", "建筑垃圾与渣土": "渣土运输", "扬尘/油烟/噪声/焚烧": "建筑工程",
    "市容环卫": "商贸", "户外广告与招牌": "广告传媒", "燃气": "燃气", "排水与污水": "餐饮管理", "供水": "供水",
    "园林绿化": "园林绿化工程", "市政设施与城市道路": "市政工程", "规划自然资源": "实业", "人民防空与国防动员": "房地产开发",
    "风景名胜与历史文化保护": "旅游开发", "食品摊贩与无照经营": "餐饮管理", "生态环境": "环保科技",
}
ID_AREAS = ["500102"] * 7 + ["500101", "500230", "500243"]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
AGENCIES_OUT = [
    ("重庆市涪陵区公安局", "当事人暴力阻碍执法人员依法执行职务，涉嫌妨害公务罪", True),
    ("重庆市涪陵区市场监督管理局", "经调查，当事人无照经营食品，不属于本机关管辖", False),
    ("重庆市涪陵区生态环境局", "经调查，涉及工业企业污染物排放，属生态环境部门管辖", False),
    ("重庆市涪陵区住房和城乡建设委员会", "经调查，涉及建设工程质量安全监管事项，属住房城乡建设部门管辖", False),
]
AGENCIES_IN = [
    ("重庆市涪陵区市场监督管理局", "商户在店外占道经营，属城市管理部门职责"),
    ("重庆市涪陵区生态环境局", "露天焚烧落叶和垃圾，属城市管理部门职责"),
    ("重庆市涪陵区公安局交通巡逻警察支队", "渣土车沿途遗撒污染路面，属城市管理部门职责"),
]
REFUSALS = [
    "经现场核查，举报反映的问题不存在",
    "经核查，该行为不属于城市管理综合行政执法事项，已告知举报人向有关部门反映",
    "违法行为轻微并已当场改正，没有造成危害后果，依据《中华人民共和国行政处罚法》第三十三条第一款不予立案",
]

# 目标状态及其在演示数据中的比例（合计 300）
TARGETS = [
    ("线索", 18), ("不予立案", 12), ("移送", 9), ("调查", 24), ("法制审核", 10), ("集体讨论", 8), ("调查终结", 10),
    ("告知", 14), ("听证", 6), ("决定", 8), ("送达", 6), ("执行", 18), ("结案", 30), ("归档", 60),
    ("简易执行", 12), ("简易结案", 15), ("简易归档", 40),
]
OPEN_CLOCK = {"调查", "法制审核", "集体讨论", "调查终结", "听证"}  # the 90-day clock runs: filed + 90 days must be in the calendar


# ---- small helpers ----------------------------------------------------------------------------------
def _cal():
    """The calendar in force (seed_cases calls ensure_calendar() once, so admin-entered years count)."""
    from ..calendar import get_calendar

    return get_calendar()


def _wd(day: dt.date, n: int) -> dt.date:
    """n working days after day (n = 0: day itself if a working day, else the next one)."""
    cal = _cal()
    d = cal.next_working_day(day)
    return cal.add_working_days(d, n) if n else d


def _prev_wd(day: dt.date) -> dt.date:
    cal = _cal()
    while not cal.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def _due(day: dt.date, period: str) -> dt.date | None:
    from ..calendar import CalendarError, deadline

    try:
        return deadline(day, period).due
    except CalendarError:
        return None


def resident_id(rng: random.Random, female: bool | None = None) -> str:
    """A valid 18-digit 居民身份证号码 (GB 11643 check digit; chengguan.identity accepts it)."""
    from stdnum.cn import ric

    area = rng.choice(ID_AREAS)
    born = dt.date(1955, 1, 1) + dt.timedelta(days=rng.randrange(0, 47 * 365))
    seq = rng.randrange(0, 100)
    sex = rng.choice([0, 2, 4, 6, 8]) if female else rng.choice([1, 3, 5, 7, 9])
    body = f"{area}{born:%Y%m%d}{seq:02d}{sex}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder check digit at the end


def credit_code(rng: random.Random) -> str:
    """A valid 统一社会信用代码 (GB 32100 check digit), registered in 涪陵区."""
    from stdnum.cn import uscc

    body = "91500102MA" + "".join(rng.choice(USCC_ALPHABET) for _ in range(7))
    return body + uscc.calc_check_digit(body)


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice(['38', '39', '58', '59', '87', '88', '36', '77', '80', '99'])}****{rng.randrange(0, 10000):04d}"


def _address(rng: random.Random, town: str) -> str:
    streets = STREETS.get(town)
    if streets and (town.endswith("街道") or rng.random() < 0.5):
        return f"重庆市涪陵区{town}{rng.choice(streets)}{rng.randrange(1, 300)}号{rng.randrange(1, 30)}-{rng.randrange(1, 6)}"
    return f"重庆市涪陵区{town}{rng.choice(VILLAGES)}村{rng.randrange(1, 12)}组{rng.randrange(1, 90)}号"


def make_party(rng: random.Random, ptype: str, town: str, domain: str) -> dict:
    if ptype == "个人":
        female = rng.random() < 0.45
        name = rng.choice(SURNAMES) + "某" + rng.choice(FEMALE if female else MALE)
        return {"type": "个人", "name": name, "id_number": resident_id(rng, female), "address": _address(rng, town),
                "phone": _phone(rng)}
    industry = INDUSTRY.get(domain, "商贸")
    name = f"重庆市涪陵区{rng.choice(FIRMS)}某{industry}有限公司"
    return {"type": "单位", "name": name, "id_number": credit_code(rng), "address": _address(rng, town),
            "phone": _phone(rng), "legal_rep": rng.choice(SURNAMES) + "某" + rng.choice(MALE + FEMALE)}


def _tiny_png(rgb: tuple[int, int, int]) -> bytes:
    """A 16×16 one-colour PNG (a stand-in for a scene photo)."""
    raw = b"".join(b"\x00" + bytes(rgb) * 16 for _ in range(16))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def nice_fine(rng: random.Random, lo: float, hi: float, suggested: float) -> Decimal:
    """A round amount inside [lo, hi], near the engine's suggestion."""
    lo_d, hi_d = Decimal(str(lo)), Decimal(str(hi))
    if hi_d <= lo_d:
        return lo_d.quantize(Decimal("0.01"))
    target = Decimal(str(suggested)) if rng.random() < 0.6 else lo_d + (hi_d - lo_d) * Decimal(str(round(rng.random(), 3)))
    span = hi_d - lo_d
    step = next((s for s in (Decimal(10000), Decimal(1000), Decimal(100), Decimal(50), Decimal(10), Decimal(1))
                 if s * 4 <= span), Decimal("0.01"))
    v = (target / step).quantize(Decimal(1), rounding=ROUND_DOWN) * step
    if v < lo_d:
        v += step
    if not lo_d <= v <= hi_d:
        v = Decimal(str(suggested))
    return min(max(v, lo_d), hi_d).quantize(Decimal("0.01"))


# ---- setup: groups, teams, officers -----------------------------------------------------------------
def ensure_teams_and_officers() -> dict:
    """Create the teams and the Officer profiles (idempotent). Users missing from seed_demo are created with
    unusable passwords (they appear as 承办人员; log in with the demo accounts)."""
    from ..rules.catalog import get_catalog

    User = get_user_model()
    towns_known = set(get_catalog().towns.get("全部镇街") or [])
    for r in ROLES:
        Group.objects.get_or_create(name=r)
    teams: dict[str, Team] = {}
    teams[DETACHMENT], _ = Team.objects.get_or_create(name=DETACHMENT, defaults={"kind": "支队"})
    for b in BRIGADES:
        teams[b], _ = Team.objects.get_or_create(name=b, defaults={"kind": "大队"})
    for name, _area, _dom in SQUADS:
        teams[name], _ = Team.objects.get_or_create(name=name, defaults={"kind": "中队"})
    for town in TOWN_TEAMS:
        if towns_known and town not in towns_known:
            continue
        name = f"{town}综合行政执法队"
        teams[name], _ = Team.objects.get_or_create(name=name, defaults={"kind": "镇街", "town": town})
    users = {}
    for i, (username, last, first, role, team_name) in enumerate(PEOPLE, start=1):
        u = User.objects.filter(username=username).first()
        if u is None:
            u = User(username=username, last_name=last, first_name=first)
            u.set_unusable_password()
            u.save()
        u.groups.add(Group.objects.get(name=role))
        team = teams.get(team_name)
        cert = "" if role == "局领导" else f"渝执{500102}{i:04d}"
        off = Officer.objects.filter(user=u).first()
        if off is None:
            Officer.objects.create(user=u, cert_no=cert, team=team)
        elif not off.team_id or not off.cert_no:
            off.team = off.team or team
            off.cert_no = off.cert_no or cert
            off.save()
        users[username] = u
    return {"teams": teams, "users": users}


# ---- the plan of one case ---------------------------------------------------------------------------
@dataclass
class Plan:
    idx: int
    target: str
    team: Team
    town: str
    crew: list  # two certified field officers (users)
    approver: object  # 中队长 (or 镇街执法队队长)
    brigade: object  # 大队长 (decides serious cases, holds hearings)
    situation: object | None = None
    domain: str = ""
    party: dict = field(default_factory=dict)
    circumstances: dict = field(default_factory=dict)
    rec: dict = field(default_factory=dict)
    source: str = "巡查"
    place: str = ""
    facts: str = ""
    act_date: dt.date | None = None
    fine: Decimal | None = None
    decided_fine: Decimal | None = None
    rand: dict = field(default_factory=dict)  # every random gap, drawn once
    steps: list = field(default_factory=list)  # (day, label, fn)
    case_id: int | None = None


class _Planner:
    def __init__(self, rng: random.Random, people: dict, end: dt.date):
        from ..rules.catalog import get_catalog

        self.rng = rng
        self.cat = get_catalog()
        self.users = people["users"]
        self.teams = people["teams"]
        self.end = end
        self.start = _wd(end - dt.timedelta(days=300), 0)
        self.last_filed = self._last_filed()
        self._rec_cache: dict = {}
        self.by_domain: dict[str, list] = {}
        self.delegated: list = []
        for s in self.cat.situations.values():
            it = self.cat.items.get(s.item)
            if it is None or it.kind != "行政处罚":
                continue
            self.by_domain.setdefault(it.domain, []).append(s)
            if it.delegated_to_towns and "全部镇街" in it.towns:
                self.delegated.append(s)
        for v in self.by_domain.values():
            v.sort(key=lambda s: s.id)
        self.delegated.sort(key=lambda s: s.id)
        off = {u: Officer.objects.select_related("team").get(user=self.users[u]) for u in self.users}
        self.field_by_team: dict[str, list] = {}
        self.lead_by_team: dict[str, object] = {}
        for uname, o in off.items():
            role = next((p[3] for p in PEOPLE if p[0] == uname), "")
            if o.team is None:
                continue
            if role in ("执法队员", "镇街执法人员") and o.cert_no:
                self.field_by_team.setdefault(o.team.name, []).append(self.users[uname])
            elif role == "中队长":
                self.lead_by_team[o.team.name] = self.users[uname]
        self.brigade_of = {sq: b for b, sqs in BRIGADES.items() for sq in sqs}
        self.brigade_lead = {}
        for uname, _l, _f, role, tname in PEOPLE:
            if role == "大队长":
                self.brigade_lead[tname] = self.users[uname]

    def _last_filed(self) -> dt.date:
        d = self.end
        while _due(d, actions.DECISION_PERIOD) is None:
            d -= dt.timedelta(days=1)
        return _prev_wd(d)

    # -- discretion pre-check (the same input close_investigation gives the engine)
    def recommend(self, sid: str, party: str, act_date: dt.date, circ: dict) -> dict | None:
        import json

        from ..discretion import DiscretionError, DiscretionInput, recommend

        key = (sid, party, act_date, json.dumps(circ, sort_keys=True))
        if key not in self._rec_cache:
            try:
                data = {"situation_id": sid, "act_date": act_date, "party": party, **circ}
                self._rec_cache[key] = recommend(DiscretionInput.parse(data)).model_dump(mode="json")
            except DiscretionError:
                self._rec_cache[key] = None
        return self._rec_cache[key]

    def quantities(self, s, serious: bool) -> dict:
        from ..discretion.engine import KIND_QUANTITY, UNIT_QUANTITY

        need = set(s.quantities)
        for b in s.bases or []:
            for f in b.fines:
                if f.kind in KIND_QUANTITY:
                    need.add(KIND_QUANTITY[f.kind])
                elif f.kind == "per_unit" and f.unit:
                    q = UNIT_QUANTITY.get(f.unit) or next((v for k, v in UNIT_QUANTITY.items() if k in f.unit), None)
                    if q:
                        need.add(q)
        out = {}
        for q in sorted(need):
            lo, hi = QUANTITY_RANGES.get(q, (1, 10))
            v = self.rng.uniform(lo, hi) * (3 if serious else 1)
            out[q] = float(int(v)) if v >= 1 else 1.0
        return out

    # -- choose team, situation, party, circumstances for a target
    def _requirements(self, target: str):
        simple = target.startswith("简易")

        def ok(rec: dict) -> bool:
            if rec is None:
                return False
            if simple:
                return rec["simple_procedure"]
            if target == "送达":
                return rec["outcome"] in ("不予处罚", "可以不予处罚") or not rec["fine"]
            if target in ("执行",):
                return bool(rec["fine"]) and rec["fine"]["max"] > 0 and rec["outcome"] not in ("不予处罚", "可以不予处罚")
            if target == "法制审核":
                return rec["legal_review_required"]
            if target == "集体讨论":
                return rec["collective_discussion_required"] and rec["legal_review_required"]
            if target == "听证":
                return rec["hearing_required"] and bool(rec["fine"]) and rec["fine"]["max"] > 0
            return True

        return ok

    def choose(self, plan: Plan, act_date: dt.date, prefer_town: bool) -> None:
        rng = self.rng
        ok = self._requirements(plan.target)
        simple = plan.target.startswith("简易")
        domains = list(DOMAIN_WEIGHTS)
        weights = [DOMAIN_WEIGHTS[d] for d in domains]
        for attempt in range(400):
            town_case = prefer_town and attempt < 300
            if town_case:
                s = rng.choice(self.delegated)
                domain = self.cat.items[s.item].domain
            else:
                domain = rng.choices(domains, weights)[0]
                pool = self.by_domain.get(domain)
                if not pool:
                    continue
                s = rng.choice(pool)
            allowed = [p for p in ("个人", "单位") if p in s.parties or "任何" in s.parties]
            if not allowed:
                continue
            ptype = rng.choice(allowed) if len(allowed) == 1 or rng.random() < 0.5 else allowed[0]
            if plan.target == "送达":
                circ = {"harm": rng.choice(["none", "minor"]), "first_offence": True, "corrected": True}
            elif simple:
                circ = {"harm": rng.choice(["minor", "general"]), **({"corrected": True} if rng.random() < 0.5 else {})}
            elif plan.target in ("法制审核", "集体讨论", "听证"):
                circ = {"harm": "serious"}
            else:
                circ = {"harm": rng.choices(["minor", "general", "serious"], [3, 5, 2])[0]}
            if circ.get("harm") == "minor" and rng.random() < 0.3 and not simple and plan.target != "送达":
                circ["confessed"] = True
            circ["quantities"] = self.quantities(s, circ.get("harm") == "serious")
            rec = self.recommend(s.id, ptype, act_date, circ)
            if not ok(rec):
                continue
            if rec["fine"] and rec["fine"]["suggested"] > (100_000 if ptype == "个人" else 1_000_000):
                continue  # legal, but not the everyday case a demo should show
            if plan.target == "简易执行" and not (rec["fine"] and rec["fine"]["max"] > 0
                                                  and rec["fine"]["min"] <= float(actions.SIMPLE_LIMITS[ptype])):
                continue
            if plan.target not in ("送达",) and not simple and rec["outcome"] in ("不予处罚", "可以不予处罚") and rng.random() < 0.7:
                continue  # keep most ordinary cases punitive
            plan.situation, plan.domain, plan.circumstances, plan.rec = s, domain, circ, rec
            self._assign_team(plan, town_case)
            plan.party = make_party(rng, ptype, plan.town, domain)
            return
        raise RuntimeError(f"演示数据：找不到满足“{plan.target}”条件的违法情形")

    def _assign_team(self, plan: Plan, town_case: bool) -> None:
        rng = self.rng
        if town_case:
            names = [f"{t}综合行政执法队" for t in TOWN_TEAMS if f"{t}综合行政执法队" in self.teams]
            name = names[0] if rng.random() < 0.4 else rng.choice(names)  # 荔枝街道 (小陈) most often
            plan.team = self.teams[name]
            plan.town = plan.team.town
            plan.brigade = self.lead_by_team[name]
        else:
            special = next(sq for sq in SQUADS if sq[2])
            if plan.domain in special[2] and rng.random() < 0.8:
                sq = special
            else:
                general = [sq for sq in SQUADS if not sq[2]]
                sq = general[0] if rng.random() < 0.45 else rng.choice(general)  # 小王、小赵 的中队 most often
            name, area, _ = sq
            plan.team = self.teams[name]
            plan.town = rng.choice(area)
            plan.brigade = self.brigade_lead[self.brigade_of[name]]
        plan.approver = self.lead_by_team[plan.team.name]
        crew = self.field_by_team[plan.team.name]
        plan.crew = crew[:2] if rng.random() < 0.6 else rng.sample(crew, 2)

    def describe(self, plan: Plan, day: dt.date) -> None:
        rng = self.rng
        streets = STREETS.get(plan.town) or [f"{plan.town}正街"]
        plan.place = f"{plan.town}{rng.choice(streets)}{rng.randrange(1, 260)}号{rng.choice(SPOTS)}"
        s = plan.situation
        opener = SOURCE_OPENERS[plan.source]
        q = plan.circumstances.get("quantities", {})
        shown = [k for k in s.quantities if k in q and k in QUANTITY_PHRASES][:2]  # the ones the situation is about
        detail = "，".join(QUANTITY_PHRASES[k].format(v=f"{int(q[k]):,}") for k in shown)
        scene = rng.choice(SCENES.get(plan.domain, ["执法人员当场拍照取证"]))
        unknown = plan.target == "线索" and plan.source not in ("巡查", "视频")
        who = "经营者（身份待核实）" if unknown or not plan.party.get("name") else plan.party["name"]
        plan.facts = (f"{day.month}月{day.day}日，{opener}：{plan.place.removeprefix(plan.town)}存在“{s.name}”的情况。"
                      f"经现场检查核实，当事人为{who}{'；' + detail if detail else ''}。{scene}。")

    # -- the steps
    def build(self, plan: Plan, start: dt.date) -> list:
        """The dated steps of the plan from `start` (all random gaps are drawn once, in plan.rand)."""
        r = plan.rand
        rng = self.rng

        def g(key, lo, hi):
            if key not in r:
                r[key] = rng.randint(lo, hi)
            return r[key]

        steps: list = []
        t = plan.target
        f1, f2 = plan.crew
        if t.startswith("简易"):
            d = start
            steps.append((d, "decide_on_the_spot", None))
            if t != "简易执行" or g("filed", 0, 1):
                d = _wd(d, g("file_gap", 0, 2))
                steps.append((d, "file_with_bureau", None))
            if t == "简易执行":
                return steps
            if plan.fine:
                due = _due(start, actions.PAYMENT_PERIOD)
                paid = start + dt.timedelta(days=g("pay_days", 0, max(0, (due - start).days)))
                steps.append((max(paid, d), "pay", None))
                d = _wd(max(paid, d), g("close_gap", 1, 3))
                steps.append((d, "close", None))
            if t == "简易归档":
                d = _wd(d, g("archive_gap", 3, 15))
                steps.append((d, "archive", None))
            return steps

        d = start
        steps.append((d, "transfer_in" if plan.source == "移送" else "clue", None))
        if t == "线索":
            return steps
        d = _wd(d, g("file_gap", 0, 2))
        if t == "不予立案":
            steps.append((d, "refuse", None))
            return steps
        steps.append((d, "file", None))
        steps.append((d, "assign", None))
        steps.append((d, "evidence", 0))
        for i in range(g("n_evidence", 1, 2)):
            d = _wd(d, g(f"ev_gap{i}", 0, 4))
            steps.append((d, "evidence", i + 1))
        if t == "调查":
            return steps
        if t == "移送":
            d = _wd(d, g("transfer_gap", 1, 8))
            steps.append((d, "transfer_out", None))
            if g("transfer_reply", 0, 2):
                d = _wd(d, g("reply_gap", 2, 8))
                steps.append((d, "transfer_reply", None))
            return steps
        d = _wd(d, g("close_inv_gap", 3, 15))
        steps.append((d, "close_investigation", None))
        rec = plan.rec
        if rec["legal_review_required"]:
            if t == "法制审核":
                return steps
            if g("review_fails", 0, 9) == 0:
                d = _wd(d, g("review_fail_gap", 1, 3))
                steps.append((d, "review_fail", None))
                d = _wd(d, g("rework_gap", 2, 6))
                steps.append((d, "evidence", 9))
                d = _wd(d, 1)
                steps.append((d, "close_investigation", None))
            d = _wd(d, g("review_gap", 1, 4))
            steps.append((d, "review", None))
            if rec["collective_discussion_required"]:
                if t == "集体讨论":
                    return steps
                d = _wd(d, g("collective_gap", 1, 5))
                steps.append((d, "collective", None))
        if t == "调查终结":
            return steps
        d = _wd(d, g("notify_gap", 1, 3))
        notified = d
        steps.append((d, "notify", None))
        sd = _due(notified, actions.HEARING_REQUEST_PERIOD if rec["hearing_required"] else actions.STATEMENT_PERIOD)
        hearing = rec["hearing_required"] and (t == "听证" or g("hearing", 0, 2) == 0) and plan.fine
        waived = not hearing and g("waive", 0, 9) < 4
        if waived:
            steps.append((d, "waive", None))
        elif g("statement", 0, 1) or hearing:
            d = _wd(d, g("statement_gap", 0, 1))
            steps.append((min(d, sd), "statement", None))
            d = min(d, sd)
        if t == "告知":
            return steps
        if hearing:
            req = min(_wd(notified, g("hearing_req_gap", 1, 3)), sd)
            steps.append((max(req, d), "request_hearing", req))
            if t == "听证":
                return steps
            notice = _wd(max(req, d), 1)
            held = _wd(_due(notice, actions.HEARING_NOTICE_PERIOD), g("held_gap", 0, 3))
            steps.append((held, "hearing", notice))
            d = _wd(held, g("after_hearing", 1, 4))
        elif waived:
            d = _wd(d, g("decide_gap", 0, 2))
        else:
            d = _wd(sd + dt.timedelta(days=1), g("decide_gap", 0, 3))
        steps.append((d, "decide", None))
        if t == "决定":
            return steps
        d = _wd(d, g("serve_gap", 0, 3))
        served = d
        steps.append((d, "serve", None))
        if t == "送达" or t == "执行":
            return steps
        if plan.decided_fine:
            due = _due(served, actions.PAYMENT_PERIOD)
            mode = g("pay_mode", 0, 9)
            if mode <= 6:  # paid in time
                paid = served + dt.timedelta(days=g("pay_days", 1, max(1, (due - served).days)))
                steps.append((paid, "pay", None))
                d = paid
            elif mode <= 8:  # paid late, with the 加处罚款
                paid = due + dt.timedelta(days=g("late_days", 1, 6))
                steps.append((paid, "pay", None))
                d = paid
            else:  # unpaid: 催告, then an application to the court
                d = _wd(due + dt.timedelta(days=1), g("urge_gap", 1, 5))
                steps.append((d, "enforce", "向当事人送达《催告书》（行政强制法第五十四条），逾期仍未履行，已申请人民法院强制执行"))
        d = _wd(d, g("close_gap", 1, 5))
        steps.append((d, "close", None))
        if t == "归档":
            d = _wd(d, g("archive_gap", 3, 15))
            steps.append((d, "archive", None))
        return steps


def _fits(plan: Plan, steps: list, end: dt.date, last_filed: dt.date) -> bool:
    if steps[-1][0] > end:
        return False
    if plan.target in OPEN_CLOCK:
        filed = next((d for d, lab, _ in steps if lab == "file"), None)
        if filed and filed > last_filed:
            return False
    if any(lab in ("serve", "decide_on_the_spot") for _d, lab, _ in steps):  # payment deadline must exist
        day = next(d for d, lab, _ in steps if lab in ("serve", "decide_on_the_spot"))
        if _due(day, actions.PAYMENT_PERIOD) is None:
            return False
    return True


RECENT = {  # open states: how many working days before the end the last step happens (most recent first)
    "线索": (0, 12), "告知": (0, 4), "听证": (0, 4), "决定": (0, 3), "送达": (0, 10), "执行": (0, 12), "简易执行": (0, 8),
    "调查": (0, 25), "法制审核": (0, 15), "集体讨论": (0, 10), "调查终结": (0, 10),
}


def _place(planner: _Planner, plan: Plan) -> None:
    """Choose the start day so the plan ends inside the window; build its steps."""
    rng = planner.rng
    probe = planner.build(plan, planner.start)
    span = (probe[-1][0] - probe[0][0]).days
    if plan.target in RECENT:
        lo, hi = RECENT[plan.target]
        last = _prev_wd(planner.end - dt.timedelta(days=int(rng.randint(lo, hi) * 1.4)))
        start = _prev_wd(last - dt.timedelta(days=span))
        for _ in range(6):  # holidays make the span depend on the start: converge on the wanted last day
            diff = (last - planner.build(plan, max(_wd(start, 0), planner.start))[-1][0]).days
            if diff == 0 or (start <= planner.start and diff < 0):
                break
            start = start + dt.timedelta(days=diff)
    else:
        latest = planner.end - dt.timedelta(days=span + 3)
        days = max(0, (latest - planner.start).days)
        start = planner.start + dt.timedelta(days=rng.randint(0, days))
    start = max(_wd(start, 0), planner.start)
    for _ in range(60):
        steps = planner.build(plan, start)
        if _fits(plan, steps, planner.end, planner.last_filed):
            plan.steps = steps
            return
        start = _prev_wd(start - dt.timedelta(days=3))
    raise RuntimeError(f"演示数据：无法为“{plan.target}”安排日期")


def _quota(count: int) -> list[str]:
    total = sum(w for _, w in TARGETS)
    base = {t: (w * count) // total for t, w in TARGETS}
    if count >= len(TARGETS):
        for t in base:
            base[t] = max(1, base[t])
    rest = count - sum(base.values())
    order = sorted(TARGETS, key=lambda tw: -((tw[1] * count) % total))
    i = 0
    while rest > 0:
        base[order[i % len(order)][0]] += 1
        rest -= 1
        i += 1
    while rest < 0:  # the minimum of one each overshot: take from the largest
        big = max(base, key=base.get)
        base[big] -= 1
        rest += 1
    out = [t for t, n in base.items() for _ in range(n)]
    return out


# ---- executing the steps ----------------------------------------------------------------------------
class _Runner:
    def __init__(self, planner: _Planner):
        self.p = planner
        self.users = planner.users

    def run(self, plan: Plan, label: str, arg) -> None:
        getattr(self, "_" + label)(plan, arg)

    def _clue(self, plan, _):
        s = plan.situation
        party = None if plan.target == "线索" and plan.source not in ("巡查", "视频") else plan.party
        c = actions.register_clue(plan.crew[0], source=plan.source, facts=plan.facts, place=plan.place,
                                  act_date=plan.act_date,
                                  town=plan.town, situation_id=s.id if s else "", party=party, team=plan.team)
        plan.case_id = c.pk

    def _transfer_in(self, plan, _):
        agency, reason = self.p.rng.choice(AGENCIES_IN)
        t = actions.receive_transfer(plan.approver, agency=agency, reason=reason, facts=plan.facts, place=plan.place,
                                     act_date=plan.act_date, town=plan.town, team=plan.team)
        plan.case_id = t.case_id

    def _refuse(self, plan, _):
        reason = plan.rand.get("refusal") or REFUSALS[plan.idx % len(REFUSALS)]
        actions.refuse_filing(plan.approver, plan.case_id, reason)

    def _file(self, plan, _):
        actions.file_case(plan.approver, plan.case_id)

    def _assign(self, plan, _):
        actions.assign_officers(plan.approver, plan.case_id, [u.officer for u in plan.crew])

    def _evidence(self, plan, i):
        d = plan.domain
        items = [
            ("照片", f"现场照片{(plan.idx % 5) + 2}张（{plan.place}）"),
            ("笔录", f"对{plan.party.get('name', '当事人')}的询问笔录一份"),
            ("测量", "现场勘验及测量记录一份" if d not in ("市容环卫", "食品摊贩与无照经营") else "现场检查笔录一份"),
            ("视听资料", "执法记录仪视频一段"),
        ]
        kind, desc = items[i % len(items)] if i != 9 else ("书证", "补充调取的相关审批材料及鉴定意见")
        content = _tiny_png(((plan.idx * 37) % 256, (plan.idx * 91) % 256, 120)) if kind == "照片" else None
        actor = plan.crew[i % 2]
        actions.record_evidence(actor, plan.case_id, kind=kind, description=desc, content=content,
                                filename=f"scene-{plan.idx}.png")

    def _close_investigation(self, plan, _):
        actions.close_investigation(plan.crew[0], plan.case_id, situation_id=plan.situation.id,
                                    circumstances=plan.circumstances, party=plan.party)
        c = Case.objects.get(pk=plan.case_id)
        if _rec_key(c.discretion) != _rec_key(plan.rec):
            raise RuntimeError("裁量结果与计划不符")

    def _review_fail(self, plan, _):
        actions.review_case(self.users["zhanglvshi"], plan.case_id, passed=False,
                            opinion="主要证据不足：工程造价（或涉案数量）未经有资质的机构认定，请补充调查后重新报审")

    def _review(self, plan, _):
        actions.review_case(self.users["zhanglvshi"], plan.case_id, passed=True,
                            opinion="事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意按拟处理意见办理")

    def _collective(self, plan, _):
        actions.record_collective_discussion(self.users["juzhang"], plan.case_id,
                                             conclusion="经局负责人集体讨论，同意承办机构意见，按裁量建议予以处罚")

    def _kinds(self, plan) -> list[str]:
        kinds = list(plan.rec.get("penalties") or [])
        if plan.fine is None:
            kinds = [k for k in kinds if k != "罚款"]
        return kinds or ["责令改正"]

    def _notify(self, plan, _):
        actions.notify_party(plan.crew[0], plan.case_id, fine=plan.fine, kinds=self._kinds(plan))

    def _waive(self, plan, _):
        actions.record_statement(plan.crew[0], plan.case_id, waived=True)

    def _statement(self, plan, _):
        text = self.p.rng.choice(["当事人称系初次违法，已自行整改，请求从轻处理", "当事人对违法事实无异议，称经营困难，请求减少罚款",
                                  "当事人提交书面陈述，称不清楚相关规定，已停止违法行为"])
        actions.record_statement(plan.crew[0], plan.case_id, text=text)

    def _request_hearing(self, plan, requested_on):
        actions.request_hearing(plan.crew[0], plan.case_id, requested_on=requested_on)

    def _hearing(self, plan, notified_on):
        actions.record_hearing(plan.brigade, plan.case_id, held_on=actions.today(), notified_on=notified_on,
                               transcript="听证会依法公开举行，调查人员提出违法事实、证据和处罚建议，当事人进行了申辩和质证，"
                                          "主持人认为案件事实清楚，建议维持拟处罚意见")

    def _decide(self, plan, _):
        exempt = plan.rec["outcome"] in ("不予处罚", "可以不予处罚")
        who = plan.brigade if plan.rec["legal_review_required"] else plan.approver
        if exempt:
            actions.decide(who, plan.case_id, decision="不予处罚")
        else:
            actions.decide(who, plan.case_id, decision="处罚", fine=plan.decided_fine, kinds=self._kinds(plan))

    def _serve(self, plan, _):
        actions.serve_decision(plan.crew[0], plan.case_id, served_on=actions.today(),
                               method=self.p.rng.choice(["直接送达", "直接送达", "邮寄送达", "留置送达"]))

    def _pay(self, plan, _):
        c = Case.objects.get(pk=plan.case_id)
        day = actions.today()
        amount = c.fine_amount + actions.late_fee(c, day)
        actions.record_payment(plan.crew[1], c, amount=amount, paid_on=day)

    def _enforce(self, plan, step):
        actions.record_enforcement(plan.approver, plan.case_id, step=step)

    def _close(self, plan, _):
        actions.close_case(plan.approver, plan.case_id)

    def _archive(self, plan, _):
        actions.archive_case(plan.approver, plan.case_id)

    def _transfer_out(self, plan, _):
        agency, reason, crime = AGENCIES_OUT[plan.idx % len(AGENCIES_OUT)]
        t = actions.transfer_case(plan.brigade, plan.case_id, agency=agency, reason=reason, crime_suspected=crime)
        plan.rand["transfer_id"] = t.pk

    def _transfer_reply(self, plan, _):
        t = Transfer.objects.get(pk=plan.rand["transfer_id"])
        actions.update_transfer(plan.approver, t, status="已接收", reply="已收到移送材料，依法受理")

    def _decide_on_the_spot(self, plan, _):
        kinds = ["罚款"] if plan.fine else ["警告"]
        if "责令改正" in (plan.rec.get("penalties") or []) or "责令限期改正" in (plan.rec.get("penalties") or []):
            kinds.append("责令改正")
        import inspect

        extra = {}
        if "partner" in inspect.signature(actions.decide_on_the_spot).parameters:  # 第四十二条: two officers on the street
            extra["partner"] = plan.crew[1].officer
        c = actions.decide_on_the_spot(plan.crew[0], party=plan.party, situation_id=plan.situation.id, facts=plan.facts,
                                       place=plan.place, act_date=plan.act_date, fine=plan.fine, kinds=kinds,
                                       circumstances=plan.circumstances, town=plan.town, **extra)
        plan.case_id = c.pk

    def _file_with_bureau(self, plan, _):
        actions.file_simple_case_with_bureau(plan.crew[0], plan.case_id)


# ---- building the plans -----------------------------------------------------------------------------
def _demo_end() -> dt.date:
    from django.utils import timezone

    cal = _cal()
    last_year = cal.last_year or timezone.localdate().year
    end = min(timezone.localdate() - dt.timedelta(days=1), dt.date(last_year, 12, 31) - dt.timedelta(days=31))
    return _prev_wd(end)


def _make_plans(planner: _Planner, count: int) -> list[Plan]:
    rng = planner.rng
    targets = _quota(count)
    rng.shuffle(targets)
    plans = []
    for i, t in enumerate(targets):
        plan = Plan(idx=i, target=t, team=None, town="", crew=[], approver=None, brigade=None)
        simple = t.startswith("简易")
        plan.source = "巡查" if simple else rng.choices(["巡查", "举报", "12345", "视频", "移送"], [45, 20, 20, 10, 5])[0]
        prefer_town = rng.random() < 0.2 and t not in ("法制审核", "集体讨论", "听证")
        # a provisional act date selects the legal basis; once the plan is placed, the recommendation on the real
        # act date must be the planned one (a basis can change mid-year), else choose again with that date
        guess = planner.start + dt.timedelta(days=rng.randint(0, max(1, (planner.end - planner.start).days)))
        for _ in range(30):
            planner.choose(plan, guess, prefer_town)
            _set_fine(rng, plan)
            plan.rand = {}
            _place(planner, plan)
            start = plan.steps[0][0]
            lag = 0 if plan.source in ("巡查", "视频") or simple else rng.randint(0, 6)
            plan.act_date = start - dt.timedelta(days=lag)
            if plan.target == "不予立案" and plan.idx % len(REFUSALS) == 0 and rng.random() < 0.5:
                plan.act_date = start - dt.timedelta(days=rng.randint(800, 1000))
                plan.rand["refusal"] = (f"违法行为发生于{plan.act_date.year}年{plan.act_date.month}月，至今已超过二年，依据《中华人民"
                                        "共和国行政处罚法》第三十六条第一款不再给予行政处罚")
                break
            rec = planner.recommend(plan.situation.id, plan.party["type"], plan.act_date, plan.circumstances)
            if rec is not None and _rec_key(rec) == _rec_key(plan.rec):
                plan.rec = rec
                break
            guess = plan.act_date
        else:
            raise RuntimeError("演示数据：裁量结果随日期变化，无法稳定")
        planner.describe(plan, plan.act_date)
        plans.append(plan)
    return plans


def _rec_key(rec: dict) -> tuple:
    # numbers compared as floats: PostgreSQL's jsonb gives 5000.0 back as 5000
    fine = tuple(sorted((k, float(v)) for k, v in rec["fine"].items())) if rec["fine"] else None
    return (rec["outcome"], fine, tuple(rec["penalties"]), rec["simple_procedure"], rec["hearing_required"],
            rec["legal_review_required"], rec["collective_discussion_required"])


def _set_fine(rng: random.Random, plan: Plan) -> None:
    rec = plan.rec
    f = rec.get("fine")
    if not f or f["max"] <= 0 or rec["outcome"] in ("不予处罚", "可以不予处罚"):
        plan.fine = plan.decided_fine = None
        return
    hi = f["max"]
    if plan.target.startswith("简易"):
        hi = min(hi, float(actions.SIMPLE_LIMITS[plan.party.get("type", "个人")] if plan.party else 200))
        if hi < f["min"]:
            plan.fine = plan.decided_fine = None
            return
    plan.fine = nice_fine(rng, f["min"], hi, min(f["suggested"], hi))
    plan.decided_fine = plan.fine
    if rng.random() < 0.2:  # reduced after the party's statement, never below the range
        lower = nice_fine(rng, f["min"], float(plan.fine), f["min"])
        plan.decided_fine = min(lower, plan.fine)


# ---- public entry points ----------------------------------------------------------------------------
def _existing_demo() -> int:
    return Case.objects.count()


def _purge() -> None:
    """Delete every case (only possible where the append-only triggers let it, e.g. the test database)."""
    try:
        with transaction.atomic():
            AuditEntry.objects.all().delete()
            Transfer.objects.all().delete()
            Review.objects.all().delete()
            Evidence.objects.all().delete()
            Case.officers.through.objects.all().delete()
            Case.objects.all().delete()
            AuditHead.objects.all().delete()
            DocumentCounter.objects.all().delete()
    except (DatabaseError, IntegrityError, PermissionError) as e:
        raise DemoResetError(
            "无法重建演示案件：全过程记录和证据只能追加、不能删除（数据库触发器保护），因此 --reset 不能清空已有案件。"
            "请把 CHENGGUAN_DATA_DIR 指向一个新的空文件夹（或删除演示数据目录中的数据库文件）后重新运行 chengguan demo。"
            f"（数据库报告：{e}）") from e


def seed_cases(reset: bool = False, count: int = 300, seed: int = 2026, progress: bool | None = None) -> dict:
    """Create the demo teams, officers and `count` cases in every state (deterministic for a given seed).

    Skips when cases already exist (returns {"skipped": True, ...}); with reset=True it first deletes them,
    which the append-only audit triggers refuse on a real database: then DemoResetError says to use a fresh
    data folder. `progress`: show a rich progress bar (default: when the terminal is interactive).
    """
    t0 = time.perf_counter()
    n = _existing_demo()
    if n and not reset:
        return {"skipped": True, "cases": n, "reason": f"已有 {n} 件案件，未重复生成演示案件（--reset 可重建）"}
    if n and reset:
        _purge()
    from .workcalendar import ensure_calendar

    ensure_calendar()
    with transaction.atomic():
        people = ensure_teams_and_officers()
    rng = random.Random(seed)
    planner = _Planner(rng, people, _demo_end())
    plans = _make_plans(planner, count)
    events = sorted(((d, p.idx, k, lab, arg) for p in plans for k, (d, lab, arg) in enumerate(p.steps)),
                    key=lambda e: (e[0], e[1], e[2]))
    runner = _Runner(planner)
    by_idx = {p.idx: p for p in plans}
    show = sys.stderr.isatty() if progress is None else progress

    def execute(tick=None):
        batch = 100
        for start in range(0, len(events), batch):
            with transaction.atomic():
                for day, idx, _k, label, arg in events[start:start + batch]:
                    plan = by_idx[idx]
                    with actions.as_of(day):
                        try:
                            runner.run(plan, label, arg)
                        except Exception as e:
                            raise RuntimeError(f"演示案件 #{idx}（目标状态 {plan.target}，情形 {plan.situation.id}）在 {day} "
                                               f"执行 {label} 失败：{e}") from e
            if tick:
                tick(min(batch, len(events) - start))

    if show:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("生成演示案件"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True) as bar:
            task = bar.add_task("cases", total=len(events))
            execute(lambda k: bar.advance(task, k))
    else:
        execute()
    by_status: dict[str, int] = {}
    for st in Case.objects.values_list("status", flat=True):
        by_status[st] = by_status.get(st, 0) + 1
    return {"skipped": False, "cases": len(plans), "actions": len(events), "by_status": by_status,
            "simple": Case.objects.filter(procedure="简易").count(), "teams": Team.objects.count(),
            "officers": Officer.objects.count(), "from": str(planner.start), "to": str(planner.end),
            "seconds": round(time.perf_counter() - t0, 2)}


def seed_bulk(n: int, seed: int = 7, prototypes: int = 200, progress: bool = False) -> dict:
    """Create n cases fast, for the web benchmark (10,000 rows).

    Building 10,000 cases through the actions takes ~12 actions per case, each its own locked transaction
    with an audit append — many minutes on a small machine. So this seeds `prototypes` real cases through
    the actions (seed_cases), then clones them with bulk_create: every clone copies a prototype's consistent
    state (status, dates, discretion, fine, 承办人员, evidence rows with their SHA-256) under a new case number
    (and new 决定书文号) reserved from DocumentCounter in one step, and a new party with a valid ID number or
    credit code. Each clone gets exactly one audit entry, written through chengguan.cases.audit.append
    (action "bulk_seed", naming its prototype), so the hash chain stays whole and verifiable.
    Clone numbers follow the prototypes' (so they are not in date order); 10,000 cases take ~20 s here.
    """
    t0 = time.perf_counter()
    base = seed_cases(count=min(prototypes, n), progress=progress)
    if base.get("skipped"):
        base_n = Case.objects.count()
    else:
        base_n = base["cases"]
    todo = n - base_n
    if todo <= 0:
        return {"cases": Case.objects.count(), "seconds": round(time.perf_counter() - t0, 2), "prototypes": base_n}
    rng = random.Random(seed)
    protos = list(Case.objects.prefetch_related("officers", "evidence").order_by("id"))
    actor = get_user_model().objects.get(username="xiaowang")
    year_of = {}
    with transaction.atomic():
        picks = [protos[rng.randrange(len(protos))] for _ in range(todo)]
        # reserve case numbers and 文号 per kind and year (rows locked; no gaps, no duplicates)
        need: dict[tuple[str, int], int] = {}
        for p in picks:
            need[("案件", p.clue_at.year)] = need.get(("案件", p.clue_at.year), 0) + 1
            if p.decision_number:
                k = _decision_kind(p)
                need[(k, p.decided_at.year)] = need.get((k, p.decided_at.year), 0) + 1
        next_no = {}
        from .numbering import format_number, prefix_for

        for (kind, year), k in need.items():
            prefix = prefix_for(kind)
            with transaction.atomic():
                DocumentCounter.objects.get_or_create(kind=prefix, year=year)
            c = DocumentCounter.objects.select_for_update().get(kind=prefix, year=year)
            next_no[(kind, year)] = c.last
            c.last += k
            c.save(update_fields=["last"])
        skip = {"id", "number", "decision_number", "party_name", "party_id_number", "party_address", "party_phone",
                "party_legal_rep", "updated_at", "doc_numbers"}
        fields = [f.attname for f in Case._meta.concrete_fields if f.attname not in skip]
        has_doc_numbers = any(f.attname == "doc_numbers" for f in Case._meta.concrete_fields)
        rows = []
        for p in picks:
            kw = {f: getattr(p, f) for f in fields}
            key = ("案件", p.clue_at.year)
            next_no[key] += 1
            kw["number"] = format_number(prefix_for("案件"), p.clue_at.year, next_no[key])
            if has_doc_numbers:
                kw["doc_numbers"] = {}
            if p.decision_number:
                dk = (_decision_kind(p), p.decided_at.year)
                next_no[dk] += 1
                kw["decision_number"] = format_number(prefix_for(dk[0]), dk[1], next_no[dk])
                if has_doc_numbers:
                    kw["doc_numbers"] = {dk[0]: kw["decision_number"]}
            if p.party_name:  # a new party; the facts name it instead of the prototype's
                party = make_party(rng, p.party_type, p.town or "敦仁街道", "市容环卫")
                kw.update(party_name=party["name"], party_id_number=party["id_number"], party_address=party["address"],
                          party_phone=party["phone"], party_legal_rep=party.get("legal_rep", ""),
                          facts=p.facts.replace(p.party_name, party["name"]))
            rows.append(Case(**kw))
            year_of[len(rows) - 1] = p
        created = []
        for i in range(0, len(rows), 1000):
            created += Case.objects.bulk_create(rows[i:i + 1000])
        Through = Case.officers.through
        links, evs = [], []
        for i, c in enumerate(created):
            p = year_of[i]
            links += [Through(case_id=c.pk, officer_id=o.pk) for o in p.officers.all()]
            evs += [Evidence(case_id=c.pk, kind=e.kind, description=e.description, file=e.file.name, sha256=e.sha256,
                             size=e.size, recorded_by_id=e.recorded_by_id) for e in p.evidence.all()]
        Through.objects.bulk_create(links, batch_size=2000)
        Evidence.objects.bulk_create(evs, batch_size=2000)
        for i, c in enumerate(created):
            p = year_of[i]
            audit.append(actor, "bulk_seed", c, {}, {"number": c.number, "status": c.status, "prototype": p.number,
                                                     "party_name": c.party_name},
                         [e.sha256 for e in p.evidence.all()])
    return {"cases": Case.objects.count(), "prototypes": base_n, "cloned": len(created),
            "seconds": round(time.perf_counter() - t0, 2)}


def _decision_kind(case: Case) -> str:
    if case.procedure == "简易":
        return "当场行政处罚决定书"
    return "行政处罚决定书" if case.decision == "处罚" else "不予行政处罚决定书"
