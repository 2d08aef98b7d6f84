"""The demo dataset: a newcomer opens `chengguan demo` and finds cases in every state, all built through the
actions, with a whole audit chain, lawful fines and town teams that hold only delegated items."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import transaction

from chengguan.cases import actions
from chengguan.cases.audit import verify
from chengguan.cases.clocks import current_clock
from chengguan.cases.models import AuditEntry, Case, Team
from chengguan.rules.catalog import get_catalog

pytestmark = pytest.mark.django_db  # (also makes pytest-django create the test database)

EVERY_STATE = {"线索", "调查", "法制审核", "集体讨论", "调查终结", "告知", "听证", "决定", "送达", "执行", "结案", "归档",
               "不予立案", "移送"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Seed once for the module inside a transaction that is rolled back afterwards (other tests see an empty
    database: the audit rows cannot be deleted)."""
    from chengguan.cases.demo import seed_cases

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield seed_cases(count=40, progress=False)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def db_access(demo, django_db_blocker):
    with django_db_blocker.unblock():
        yield demo


def test_every_state_appears_including_simple_procedure(db_access):
    assert not db_access["skipped"] and db_access["cases"] == 40
    states = set(Case.objects.values_list("status", flat=True))
    assert EVERY_STATE <= states, f"missing: {EVERY_STATE - states}"
    simple = Case.objects.filter(procedure="简易")
    assert simple.exists() and simple.filter(filed_with_bureau=True).exists()
    assert Case.objects.filter(hearing_at__isnull=False).exists() or Case.objects.filter(status="听证").exists()
    assert Case.objects.filter(transfers__direction="移出").exists()


def test_the_audit_chain_verifies_and_every_case_has_its_record(db_access):
    result = verify()
    assert result.ok, result.reason
    assert result.entries == AuditEntry.objects.count() > 40 * 3
    logged = set(AuditEntry.objects.filter(object_type="Case").values_list("object_id", flat=True))
    assert {str(pk) for pk in Case.objects.values_list("pk", flat=True)} <= logged


def test_fines_lie_inside_the_discretion_range(db_access):
    fined = Case.objects.filter(fine_amount__isnull=False)
    assert fined.count() >= 10
    for c in fined:
        f = c.discretion["fine"]
        assert Decimal(str(f["min"])) <= c.fine_amount <= Decimal(str(f["max"])), c.number
        if c.procedure == "简易":
            assert c.fine_amount <= actions.SIMPLE_LIMITS[c.party_type]


def test_no_town_team_holds_an_item_not_delegated_to_it(db_access):
    cat = get_catalog()
    town_cases = Case.objects.filter(team__kind="镇街").select_related("team")
    assert town_cases.exists()
    for c in town_cases:
        assert c.town == c.team.town
        if c.item_code:
            item = cat.items[c.item_code]
            assert item.delegated_to_towns and actions.town_in(c.team.town, item.towns, cat.towns), c.number
    towns = set(cat.towns["全部镇街"])
    assert set(Team.objects.filter(kind="镇街").values_list("town", flat=True)) <= towns
    assert Team.objects.get(town="荔枝街道").officers.filter(user__username="xiaochen").exists()


def test_parties_officers_and_clocks_are_consistent(db_access):
    for c in Case.objects.prefetch_related("officers"):
        if c.investigation_closed_at or c.procedure == "简易":  # the party was checked when the investigation closed
            assert not actions.validate_party(c), (c.number, actions.validate_party(c))
        if c.procedure == "普通" and c.status not in ("线索", "不予立案"):
            assert len([o for o in c.officers.all() if o.cert_no]) >= 2, c.number
        if c.party_id_number:
            assert not actions.validate_party(c), (c.number, actions.validate_party(c))
        clock = current_clock(c)
        assert clock.error is None, (c.number, clock.error)  # no deadline outside the loaded calendar
        if c.decided_at and c.procedure == "普通":
            assert (c.decided_at - c.filed_at).days <= 90
    assert list(Case.objects.order_by("number").values_list("clue_at", flat=True)) == \
        sorted(Case.objects.values_list("clue_at", flat=True)), "case numbers are issued in date order"


def test_seeding_again_does_not_duplicate_and_reset_explains_why_it_cannot(db_access):
    from chengguan.cases.demo import DemoResetError, seed_cases

    again = seed_cases(count=40, progress=False)
    assert again["skipped"] and Case.objects.count() == 40
    with pytest.raises(DemoResetError, match="CHENGGUAN_DATA_DIR"):
        seed_cases(reset=True, count=40, progress=False)
    assert Case.objects.count() == 40 and verify().ok


def test_bulk_clones_for_the_benchmark_keep_the_chain_whole_and_numbers_unique(db_access):
    from chengguan.cases.demo import seed_bulk
    from chengguan.identity import party_id_problem

    r = seed_bulk(70, prototypes=40)
    assert r["cloned"] == 30 and Case.objects.count() == 70
    assert verify().ok
    numbers = list(Case.objects.values_list("number", flat=True))
    assert len(set(numbers)) == 70
    decisions = [n for n in Case.objects.values_list("decision_number", flat=True) if n]
    assert len(set(decisions)) == len(decisions)
    for c in Case.objects.exclude(party_id_number=""):
        assert party_id_problem(c.party_type, c.party_id_number) is None
    assert AuditEntry.objects.filter(action="bulk_seed").count() == 30
