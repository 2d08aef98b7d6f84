"""全过程记录: the append-only, hash-chained audit log, and its verification (`chengguan audit verify`)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .models import AuditEntry, AuditHead


def _canonical(entry: dict) -> str:
    return json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(prev_hash: str, seq: int, at: str, actor: str, action: str, object_type: str, object_id: str,
               before: dict, after: dict, evidence_hashes: list) -> str:
    body = _canonical({"seq": seq, "at": at, "actor": actor, "action": action, "object_type": object_type,
                       "object_id": object_id, "before": before, "after": after, "evidence": evidence_hashes})
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _json_safe(d: dict) -> dict:
    return json.loads(json.dumps(d, ensure_ascii=False, default=str))


def append(actor, action: str, obj, before: dict | None = None, after: dict | None = None,
           evidence_hashes: list[str] | None = None) -> AuditEntry:
    """Append one entry. Must run inside the caller's transaction (the action's), so that the change
    and its record commit or roll back together."""
    assert transaction.get_connection().in_atomic_block, "audit.append must run inside the action's transaction"
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
    seq = head.seq + 1
    at = timezone.now().replace(microsecond=(timezone.now().microsecond // 1000) * 1000)
    actor_name = getattr(actor, "username", None) or str(actor)
    before, after = _json_safe(before or {}), _json_safe(after or {})
    ev = list(evidence_hashes or [])
    h = entry_hash(head.hash, seq, at.isoformat(), actor_name, action, type(obj).__name__, str(obj.pk), before, after, ev)
    e = AuditEntry.objects.create(seq=seq, at=at, actor=actor_name, action=action, object_type=type(obj).__name__,
                                  object_id=str(obj.pk), before=before, after=after, evidence_hashes=ev,
                                  prev_hash=head.hash, hash=h)
    AuditHead.objects.filter(pk=1).update(seq=seq, hash=h)
    return e


@dataclass
class VerifyResult:
    ok: bool
    entries: int
    first_broken: int | None = None
    reason: str | None = None


def verify() -> VerifyResult:
    """Recompute the chain; name the first entry whose hash or link does not match."""
    prev = "0" * 64
    n = 0
    expected_seq = 1
    for e in AuditEntry.objects.order_by("seq").iterator():
        n += 1
        if e.seq != expected_seq:
            return VerifyResult(False, n, e.seq, f"序号不连续：应为{expected_seq}，实为{e.seq}（有记录被删除）")
        if e.prev_hash != prev:
            return VerifyResult(False, n, e.seq, "与前一条记录的链接不符")
        h = entry_hash(prev, e.seq, e.at.isoformat(), e.actor, e.action, e.object_type, e.object_id, e.before, e.after,
                       e.evidence_hashes)
        if h != e.hash:
            return VerifyResult(False, n, e.seq, "记录内容与哈希值不符（被篡改）")
        prev = e.hash
        expected_seq += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head and n and head.hash != prev:
        return VerifyResult(False, n, n, "链尾与登记的最新哈希不符（末尾记录被删除或替换）")
    return VerifyResult(True, n)
