"""全过程记录 and integrity: append-only, hash-chained, atomic, conflicts detected — on SQLite and PostgreSQL."""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections, transaction

from chengguan.cases import actions
from chengguan.cases.actions import ConflictError
from chengguan.cases.audit import verify
from chengguan.cases.models import AuditEntry, Case, Evidence
from chengguan.cases.numbering import allocate


def _clue(people):
    return actions.register_clue(people["xiaowang"], source="巡查", facts="乱堆物料", place="滨江路", act_date=dt.date(2026, 3, 1))


def test_audit_rows_cannot_be_changed_or_deleted_through_the_orm(people, on_day):
    _clue(people)
    e = AuditEntry.objects.get()
    e.actor = "someone else"
    with pytest.raises(PermissionError):
        e.save()
    with pytest.raises(PermissionError):
        e.delete()


def test_audit_rows_cannot_be_changed_even_with_raw_sql(people, on_day):
    _clue(people)
    with pytest.raises(Exception, match="只能追加"):
        with transaction.atomic(), connection.cursor() as c:
            c.execute("UPDATE cases_auditentry SET actor = 'x'")
    with pytest.raises(Exception, match="只能追加|不能删除"):
        with transaction.atomic():
            AuditEntry.objects.all().delete()
    assert verify().ok


def test_evidence_is_never_overwritten(people, on_day):
    c = _clue(people)
    actions.file_case(people["laoli"], c)
    ev = actions.record_evidence(people["xiaowang"], c, kind="照片", description="照片", content=b"photo")
    import hashlib

    assert ev.sha256 == hashlib.sha256(b"photo").hexdigest()
    with pytest.raises(Exception):
        with transaction.atomic():
            Evidence.objects.filter(pk=ev.pk).update(description="改过的说明")
    assert AuditEntry.objects.filter(action="record_evidence").get().evidence_hashes == [ev.sha256]


def test_verify_names_the_first_tampered_entry(people, on_day):
    c = _clue(people)
    actions.file_case(people["laoli"], c)
    n = AuditEntry.objects.count()
    assert verify().ok and verify().entries == n
    # someone with direct database access disables the protection and edits history
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            cur.execute("DROP TRIGGER cases_auditentry_no_update")
        else:
            cur.execute("ALTER TABLE cases_auditentry DISABLE TRIGGER cases_auditentry_append_only")
        cur.execute("UPDATE cases_auditentry SET actor = 'intruder' WHERE seq = 1")
    r = verify()
    assert not r.ok and r.first_broken == 1 and "篡改" in r.reason


def test_stale_version_gets_a_conflict_and_nothing_changes(people, on_day):
    c = _clue(people)
    v = c.version
    actions.file_case(people["laoli"], c, expected_version=v)
    with pytest.raises(ConflictError, match="已被他人修改"):
        actions.refuse_filing(people["zhou"], c, reason="不属本局管辖", expected_version=v)
    c.refresh_from_db()
    assert c.status == "调查"


def test_a_failed_action_writes_nothing(people, on_day):
    c = _clue(people)
    before = AuditEntry.objects.count()
    with pytest.raises(actions.CaseError):
        actions.record_evidence(people["xiaowang"], c, kind="照片", description="照片", content=b"x")  # not filed yet
    assert AuditEntry.objects.count() == before and not Evidence.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_people_act_at_once_one_succeeds_the_other_gets_a_conflict(purge_after, people, monkeypatch):
    monkeypatch.setattr(actions, "today", lambda: dt.date(2026, 3, 2))
    c = _clue(people)
    v = c.version
    results = []
    barrier = threading.Barrier(2)

    def act(fn):
        try:
            barrier.wait()
            fn()
            results.append("ok")
        except ConflictError:
            results.append("conflict")
        except Exception as e:  # noqa: BLE001
            results.append(repr(e))
        finally:
            connections.close_all()

    t1 = threading.Thread(target=act, args=(lambda: actions.file_case(people["laoli"], c.pk, expected_version=v),))
    t2 = threading.Thread(target=act, args=(lambda: actions.refuse_filing(people["zhou"], c.pk, reason="重复线索", expected_version=v),))
    t1.start(); t2.start(); t1.join(); t2.join()
    assert sorted(results) == ["conflict", "ok"], results
    c.refresh_from_db()
    assert c.version == v + 1
    assert verify().ok


@pytest.mark.django_db(transaction=True)
def test_document_numbers_have_no_gaps_or_duplicates_under_concurrency():
    got = []
    lock = threading.Lock()

    def issue():
        for _ in range(10):
            with transaction.atomic():
                n = allocate("行政处罚决定书", 2026)
            with lock:
                got.append(n)
        connections.close_all()

    threads = [threading.Thread(target=issue) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    nums = sorted(int(n.split("第")[1][:4]) for n in got)
    assert nums == list(range(1, 41))
