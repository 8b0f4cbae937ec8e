"""Appending to and verifying the hash-chained audit log.

Each entry's hash is SHA-256 over a canonical JSON form of the entry, which includes the previous
entry's hash, so altering, inserting or deleting any row breaks the chain from that row on.
"""

import datetime
import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from records.digests import sha256_hex
from records.models import AuditAction, AuditEntry

GENESIS_HASH = "0" * 64
_POSTGRES_LOCK_KEY = 0x41545445  # "ATTE": one advisory lock serialises appends across processes


def _canonical_timestamp(at) -> str:
    return at.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_form(entry: AuditEntry) -> bytes:
    """The bytes an entry's hash covers: every recorded field plus the previous hash, in a fixed order."""
    payload = {
        "at": _canonical_timestamp(entry.at),
        "actor": entry.actor_id,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "enrolment": entry.enrolment_id,
        "summary": entry.summary,
        "before": entry.before,
        "after": entry.after,
        "previous_hash": entry.previous_hash,
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, cls=DjangoJSONEncoder).encode()


def compute_hash(entry: AuditEntry) -> str:
    return sha256_hex(canonical_form(entry))


def _normalise(value):
    """Round-trip through JSON so the stored value and the hashed value are identical."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_POSTGRES_LOCK_KEY])
    # SQLite: settings use BEGIN IMMEDIATE, so a write transaction already excludes other writers.


def _actor_label(actor) -> str:
    if actor is None:
        return "System"
    role = actor.get_role_display() if hasattr(actor, "get_role_display") else ""
    return f"{actor} ({role})" if role else str(actor)


@transaction.atomic
def audit_append(
    *,
    actor,
    action: AuditAction,
    obj,
    summary: str,
    enrolment=None,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    """Append one entry to the chain; callers run this inside the transaction of the act it records."""
    _lock_chain()
    previous = AuditEntry.objects.order_by("-pk").values_list("entry_hash", flat=True).first()
    entry = AuditEntry(
        at=timezone.now(),
        actor=actor,
        actor_label=_actor_label(actor),
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        enrolment=enrolment,
        summary=summary,
        before=_normalise(before),
        after=_normalise(after),
        previous_hash=previous or GENESIS_HASH,
    )
    entry.entry_hash = compute_hash(entry)
    entry.save()
    return entry


def audit_verifier_view(*, actor, obj, summary: str, enrolment=None) -> AuditEntry | None:
    """Every page an external verifier opens is on the record; other people's page views are not."""
    if not getattr(actor, "is_verifier", False):
        return None
    with transaction.atomic():
        return audit_append(actor=actor, action=AuditAction.VERIFIER_VIEW, obj=obj, summary=summary, enrolment=enrolment)


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    count: int
    first_broken: AuditEntry | None = None
    problem: str = ""


def audit_verify() -> ChainCheck:
    """Walk the chain in order, recomputing each hash and checking each link."""
    previous_hash = GENESIS_HASH
    count = 0
    for entry in AuditEntry.objects.order_by("pk").iterator(chunk_size=2000):
        count += 1
        if entry.previous_hash != previous_hash:
            return ChainCheck(False, count, entry, "its previous-hash link does not match the entry before it")
        if compute_hash(entry) != entry.entry_hash:
            return ChainCheck(False, count, entry, "its content no longer matches its hash")
        previous_hash = entry.entry_hash
    return ChainCheck(True, count)


def latest_audit_hash() -> str:
    return AuditEntry.objects.order_by("-pk").values_list("entry_hash", flat=True).first() or GENESIS_HASH
