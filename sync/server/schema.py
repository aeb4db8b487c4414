"""The central schema in SQLAlchemy Core: one definition for SQLite (default) and PostgreSQL.

Times are ISO 8601 UTC text (`2026-07-01T08:30:00.000000Z`): sortable and identical on both engines.
Migrations are ordered functions; the number applied is kept in `server_meta.schema_version`.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnClause,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    insert,
    literal_column,
    select,
    text,
)

from borderapp import reference
from borderapp.events import utc_now

metadata = MetaData()

server_meta = Table(
    "server_meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text, nullable=False)
)

admins = Table(
    "admins",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("disabled_at", String(32)),  # a disabled admin signs in no more; his tokens stop at once
)

admin_tokens = Table(
    "admin_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("admin_id", Integer, ForeignKey("admins.id"), nullable=False),
    Column("expires_at", String(32), nullable=False),
)

enrolments = Table(
    "enrolments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("bcp", String(16), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_by", Integer, ForeignKey("admins.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("used_at", String(32)),
    Column("device_id", String(64)),
)

devices = Table(
    "devices",
    metadata,
    Column("device_id", String(64), primary_key=True),
    Column("bcp", String(16), nullable=False),
    Column("station_name", String(200), nullable=False),
    Column("credential_hash", String(64), nullable=False, unique=True),
    Column("enrolled_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
    Column("last_seen", String(32)),
    Column("acked_seq", BigInteger, nullable=False, default=0),
    Column("head_hash", String(64), nullable=False),
    Column("backlog", BigInteger),
    Column("oldest_unsent_age_s", Float),
    Column("device_clock", String(40)),
    Column("clock_drift_s", Float),
    Column("app_version", String(40)),
    Column("chain_status", String(16), nullable=False, default="ok"),
    Column("last_error", Text),
)

events = Table(
    "events",
    metadata,
    Column("server_id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("device_id", String(64), ForeignKey("devices.device_id"), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("event_id", String(64), nullable=False, unique=True),
    Column("type", String(64), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("actor", Text, nullable=False),
    Column("occurred_at", String(40), nullable=False),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("received_at", String(32), nullable=False),
    Column("status", String(16), nullable=False),  # ok | quarantined
    Column("reason", Text),
    UniqueConstraint("device_id", "seq", name="events_device_seq"),
)
Index("events_record", events.c.record_id)
# Only the quarantined events (few): queries say `status = QUARANTINED` literally so that both engines use it.
# It used to cover every event, one more index entry per event at ingest (migration 5 replaced it).
QUARANTINED: ColumnClause[str] = literal_column("'quarantined'")
events_quarantine = Index(
    "events_quarantine",
    events.c.device_id,
    sqlite_where=events.c.status == QUARANTINED,
    postgresql_where=events.c.status == QUARANTINED,
)

crossings = Table(
    "crossings",
    metadata,
    Column("record_id", String(64), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("first_seq", BigInteger, nullable=False),
    Column("last_seq", BigInteger, nullable=False),
    Column("bcp", String(16), nullable=False),
    Column("direction", String(8), nullable=False),
    Column("crossed_at", String(32), nullable=False),
    Column("family_name", String(100), nullable=False),
    Column("given_names", String(100), nullable=False),
    Column("name_key", String(210), nullable=False),
    Column("birth_date", String(10)),
    Column("age", Integer),
    Column("sex", String(1), nullable=False),
    Column("nationality", String(3), nullable=False),
    Column("doc_number", String(30)),
    Column("accompaniment", String(20), nullable=False),
    Column("flags", String(200), nullable=False),
    Column("flag_count", Integer, nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("recorded_by", String(64), nullable=False),
)
Index("crossings_name", crossings.c.name_key)
Index("crossings_doc", crossings.c.doc_number)
Index("crossings_bcp_time", crossings.c.bcp, crossings.c.crossed_at)

# Interviews, folded from `interview.*` events by the station's own fold (borderapp.interview_state): status
# and the times the indicators need. The content stays in the events.
interviews = Table(
    "interviews",
    metadata,
    Column("interview_id", String(64), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("crossing_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("checklist", String(64), nullable=False),
    Column("crossing_at", String(32), nullable=False),
    Column("opened_at", String(32), nullable=False),
    Column("officer_id", String(64)),
    Column("officer_arrived_at", String(32)),
    Column("social_worker_id", String(64)),
    Column("social_worker_arrived_at", String(32)),
    Column("both_present_at", String(32)),
    Column("signed_at", String(32)),
    Column("decision", String(32)),
    Column("referral", String(200)),
    Column("referred_at", String(32)),
    Column("last_seq", BigInteger, nullable=False),
)
Index("interviews_crossing", interviews.c.crossing_id)

# What admins wrote about quarantined events: appended, never changed; the latest says whether it is resolved.
quarantine_notes = Table(
    "quarantine_notes",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("server_id", BigInteger, nullable=False),
    Column("admin_id", Integer, nullable=False),
    Column("at", String(32), nullable=False),
    Column("note", Text, nullable=False),
    Column("resolved", Integer, nullable=False),
)
Index("quarantine_notes_event", quarantine_notes.c.server_id)

# The keyed people of each crossing, for the cross-station patterns (borderapp.patterns): the child and each
# documented adult by an HMAC with the server's secret, never a name or a document number.
crossing_people = Table(
    "crossing_people",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("record_id", String(64), nullable=False),
    Column("role", String(8), nullable=False),
    Column("person_key", String(64), nullable=False),
    Column("related", Integer, nullable=False),
    Column("direction", String(8), nullable=False),
    Column("crossed_at", String(32), nullable=False),
    Column("planned_return", String(10)),
)
Index("crossing_people_record", crossing_people.c.record_id)
Index("crossing_people_person", crossing_people.c.person_key, crossing_people.c.crossed_at)
Index("crossing_people_time", crossing_people.c.role, crossing_people.c.crossed_at)

# Every admin read of child data (records search, a record, the patterns): who and when. A search's text only as
# a keyed hash (borderapp.patterns.keyed with the server's secret).
admin_reads = Table(
    "admin_reads",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("admin_id", Integer, ForeignKey("admins.id"), nullable=False),
    Column("at", String(32), nullable=False),
    Column("action", String(16), nullable=False),
    Column("record_id", String(64)),
    Column("search_key", String(64)),
)
Index("admin_reads_at", admin_reads.c.at)

# Failed admin sign-ins, per account ("user:NAME") and per client address ("addr:IP"), kept here so that the
# throttle holds across server processes and restarts (Storage.login).
login_throttle = Table(
    "login_throttle",
    metadata,
    Column("key", String(140), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("locked_until", String(32)),
)

# Every admin sign-in, its failures and sign-outs (the name as typed, cut to 100 characters).
admin_sign_ins = Table(
    "admin_sign_ins",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("username", String(100), nullable=False),
    Column("address", String(64), nullable=False),
    Column("outcome", String(16), nullable=False),  # ok | failed | throttled | disabled | signed_out
)
Index("admin_sign_ins_at", admin_sign_ins.c.at)

reference_items = Table(
    "reference_items",
    metadata,
    Column("cursor", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("key", String(100), nullable=False),
    Column("data", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)


def _migration_1(conn: Connection) -> None:
    metadata.create_all(conn)


def _create(conn: Connection, table: Table) -> None:
    """A table added after migration 1 (whose create_all makes it for a new database), with its indexes."""
    table.create(conn, checkfirst=True)
    for index in table.indexes:
        index.create(conn, checkfirst=True)


def _migration_2(conn: Connection) -> None:
    _create(conn, interviews)


def _migration_3(conn: Connection) -> None:
    _create(conn, quarantine_notes)


def _migration_4(conn: Connection) -> None:
    _create(conn, crossing_people)
    fill_people(conn)


def fill_people(conn: Connection, chunk: int = 1000) -> int:
    """Make the keyed people of every stored crossing again, from the latest stored version of its record (the
    crossing.recorded or crossing.corrected event the projection last took). Returns the crossings done."""
    from borderapp.crossing_state import RECORD_TYPES
    from borderapp.patterns import crossing_people as people_of

    secret = pattern_secret(conn)
    c, e = crossings.c, events.c
    conn.execute(crossing_people.delete())
    versions = conn.execute(
        select(c.record_id, c.direction, c.crossed_at, e.payload)
        .join(events, e.record_id == c.record_id)
        .where(e.device_id == c.device_id, e.type.in_(RECORD_TYPES), e.status == "ok", e.seq <= c.last_seq)
        .order_by(c.record_id, e.seq)
    )
    rows: list[dict[str, object]] = []
    done = 0
    for record_id, group in itertools.groupby(versions, key=lambda row: row.record_id):
        latest = list(group)[-1]
        record = json.loads(latest.payload)["record"]
        rows += people_of(secret, record_id, latest.direction, latest.crossed_at, record)
        done += 1
        if len(rows) >= chunk:
            conn.execute(insert(crossing_people), rows)
            rows = []
    if rows:
        conn.execute(insert(crossing_people), rows)
    return done


def pattern_secret(conn: Connection) -> bytes:
    """The key of the keyed hashes that stand for people in the patterns (made once, kept in server_meta)."""
    import secrets

    m = server_meta.c
    found = conn.execute(select(m.value).where(m.key == "pattern_key")).scalar()
    if found is None:
        found = secrets.token_hex(32)
        conn.execute(insert(server_meta).values(key="pattern_key", value=found))
    return bytes.fromhex(found)


def _migration_5(conn: Connection) -> None:
    conn.execute(text("DROP INDEX IF EXISTS events_quarantine"))
    events_quarantine.create(conn)


def _migration_6(conn: Connection) -> None:
    """The keyed people were HMACs of their parts joined by "|" (ambiguous: "a|b","c" and "a","b|c" gave one key);
    now of a JSON array (borderapp.patterns.keyed). Every stored key is made again."""
    fill_people(conn)


def _migration_7(conn: Connection) -> None:
    _create(conn, admin_reads)


def _migration_8(conn: Connection) -> None:
    from sqlalchemy import inspect

    if "disabled_at" not in {column["name"] for column in inspect(conn).get_columns("admins")}:
        conn.execute(text("ALTER TABLE admins ADD COLUMN disabled_at VARCHAR(32)"))
    _create(conn, login_throttle)
    _create(conn, admin_sign_ins)


MIGRATIONS: list[Callable[[Connection], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
    _migration_7,
    _migration_8,
]


class SchemaTooNew(RuntimeError):
    pass


def migrate(conn: Connection) -> int:
    """Apply pending migrations inside the caller's transaction; refuse a database newer than the code."""
    server_meta.create(conn, checkfirst=True)
    row = conn.execute(select(server_meta.c.value).where(server_meta.c.key == "schema_version")).first()
    version = int(row[0]) if row else 0
    if version > len(MIGRATIONS):
        raise SchemaTooNew(
            f"The central database has schema {version}; this server knows up to {len(MIGRATIONS)}. "
            "Run the newer borderapp-server."
        )
    for number in range(version + 1, len(MIGRATIONS) + 1):
        MIGRATIONS[number - 1](conn)
    if version != len(MIGRATIONS):
        if row:
            conn.execute(
                server_meta.update().where(server_meta.c.key == "schema_version").values(value=str(len(MIGRATIONS)))
            )
        else:
            conn.execute(insert(server_meta).values(key="schema_version", value=str(len(MIGRATIONS))))
    return len(MIGRATIONS)


def publish_resources(conn: Connection) -> int:
    """Offer the BCPs and checklists of `resources/` as reference data: an item whose text changed (or is new)
    gets a new cursor, so stations pull it; unchanged items are left alone. Returns how many were published."""
    r = reference_items.c
    latest: dict[tuple[str, str], str] = {}
    for kind, key, data in conn.execute(
        select(r.kind, r.key, r.data).where(r.kind.in_(["bcp", "checklist"])).order_by(r.cursor)
    ):
        latest[(kind, key)] = data
    wanted = [
        ("bcp", code, json.dumps(bcp.model_dump(), ensure_ascii=False, sort_keys=True))
        for code, bcp in reference.bcps().items()
    ]
    wanted += [
        ("checklist", key, json.dumps(data, ensure_ascii=False, sort_keys=True))
        for key, data in reference.checklists().items()
    ]
    rows = [
        {"kind": kind, "key": key, "data": data, "created_at": utc_now()}
        for kind, key, data in wanted
        if latest.get((kind, key)) != data
    ]
    if rows:
        conn.execute(insert(reference_items), rows)
    return len(rows)
