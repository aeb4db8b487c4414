"""What a station user can do with crossing records, with the role checks. The CLI and the UI call these.

Every change is an event: `crossing.recorded`, `crossing.corrected` (names the event it corrects, says why
and what changed) and `crossing.voided` (why). Nothing is updated in place or deleted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from borderapp import alerts, reference, report, rules
from borderapp.errors import InvalidInput, PermissionDenied, RecordNotFound
from borderapp.events import Event, format_time, uuid7
from borderapp.models import SCHEMA_VERSION, CrossingRecord, describe
from borderapp.store import db, drafts, eventlog, projection, station, syncstate
from borderapp.store.keyslots import KdfParams
from borderapp.store.projection import CrossingSummary
from borderapp.store.station import Session, User

# Interview content is need-to-know; crossing data is for the station's officers and its supervisor.
PERMISSIONS: dict[str, frozenset[str]] = {
    "officer": frozenset({"record", "read", "verify"}),
    "social_worker": frozenset(),
    "supervisor": frozenset({"record", "read", "verify", "correct", "void", "export", "users", "settings"}),
}
ACTION_TEXT = {
    "record": "record crossings",
    "read": "see crossing records",
    "verify": "verify the event log",
    "correct": "correct records",
    "void": "void records",
    "export": "export the event log",
    "users": "manage station users",
    "settings": "change the station settings",
}


def may(role: str, action: str) -> bool:
    return action in PERMISSIONS.get(role, frozenset())


def require(session: Session, action: str) -> None:
    if action not in PERMISSIONS[session.user.role]:
        role = session.user.role.replace("_", " ")
        article = "An" if role[0] in "aeiou" else "A"
        raise PermissionDenied(
            f"{article} {role} may not {ACTION_TEXT[action]}. Ask the station supervisor if you need this done."
        )


def parse_record(data: Any) -> CrossingRecord:
    """Validate input into a record, or InvalidInput listing every problem with its field."""
    try:
        return CrossingRecord.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(describe(exc)) from None


def payload_for(record: CrossingRecord, hits: list[alerts.AlertHit] | None = None, **extra: Any) -> dict[str, Any]:
    flags = [f.code for f in rules.evaluate(record)]
    if hits:
        flags.append("F13")
        extra["alert_hits"] = alerts.hits_json(hits)
    # Defaults are left out: they come back on reading, and the log stays about 40% smaller.
    data = record.model_dump(mode="json", exclude_defaults=True)
    return {"schema_version": SCHEMA_VERSION, "record": data, "flags": flags, **extra}


def _hits(session: Session, record: CrossingRecord) -> list[alerts.AlertHit]:
    with session.reading() as conn:
        return alerts.match(conn, record)


def record_crossing(session: Session, record: CrossingRecord) -> Event:
    require(session, "record")
    return session.append("crossing.recorded", uuid7(), payload_for(record, _hits(session, record)))


def flags_for(session: Session, record: CrossingRecord, language: str = "en") -> list[rules.Flag]:
    """The record's flags now: the rules, and a hit on the alert lists the station holds today."""
    found = rules.evaluate(record, language)
    hit = alerts.alert_flag(_hits(session, record), language)
    return [hit, *found] if hit else found


def record_many(session: Session, records: list[CrossingRecord]) -> list[Event]:
    """Record several crossings in one transaction (demo data, imports)."""
    require(session, "record")
    return session.append_many(("crossing.recorded", uuid7(), payload_for(r, _hits(session, r))) for r in records)


def _current(session: Session, record_id: str) -> tuple[CrossingSummary, CrossingRecord]:
    with session.reading() as conn:
        found = projection.get(conn, record_id)
    if found is None:
        raise RecordNotFound(f"There is no crossing record {record_id} at this station.")
    return found


def _reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if len(reason) < 5:
        raise InvalidInput([("reason", "say why (at least 5 characters); the reason is kept with the record")])
    return reason


def _changes(old: Any, new: Any, path: str = "") -> dict[str, list[Any]]:
    if isinstance(old, dict) and isinstance(new, dict):
        out: dict[str, list[Any]] = {}
        for key in sorted(set(old) | set(new)):
            out.update(_changes(old.get(key), new.get(key), f"{path}.{key}" if path else key))
        return out
    return {} if old == new else {path: [old, new]}


def correct(session: Session, record_id: str, record: CrossingRecord, reason: str) -> Event:
    require(session, "correct")
    why = _reason(reason)
    summary, old = _current(session, record_id)
    if summary.status == "voided":
        raise InvalidInput([("record", "this record was voided; it can no longer be corrected")])
    changes = _changes(old.model_dump(mode="json"), record.model_dump(mode="json"))
    if not changes:
        raise InvalidInput([("record", "the correction changes nothing; edit a field first")])
    with session.reading() as conn:
        corrects = eventlog.for_record(conn, record_id)[-1].event_id
    return session.append(
        "crossing.corrected",
        record_id,
        payload_for(record, _hits(session, record), corrects=corrects, reason=why, changes=changes),
    )


def void(session: Session, record_id: str, reason: str) -> Event:
    require(session, "void")
    why = _reason(reason)
    summary, _ = _current(session, record_id)
    if summary.status == "voided":
        raise InvalidInput([("record", "this record is already void")])
    with session.reading() as conn:
        voids = eventlog.for_record(conn, record_id)[-1].event_id
    return session.append(
        "crossing.voided", record_id, {"schema_version": SCHEMA_VERSION, "voids": voids, "reason": why}
    )


@dataclass(frozen=True)
class RecordView:
    summary: CrossingSummary  # with its state at the central server (`sync`)
    record: CrossingRecord
    flags: list[rules.Flag]
    history: list[Event]
    receipt: syncstate.Receipt | None = None  # the server's receipt for the latest event, once it came


def show(session: Session, record_id: str, language: str = "en") -> RecordView:
    require(session, "read")
    summary, record = _current(session, record_id)
    with session.reading() as conn:
        history = eventlog.for_record(conn, record_id)
        [summary] = with_sync_state(conn, [summary])
        receipt = syncstate.receipt(conn, summary.last_seq)
    return RecordView(summary, record, flags_for(session, record, language), history, receipt)


def search(session: Session, text: str, limit: int = 50) -> list[CrossingSummary]:
    require(session, "read")
    with session.reading() as conn:
        return with_sync_state(conn, projection.search(conn, text, limit))


def list_crossings(
    session: Session, *, after: projection.Cursor | None = None, limit: int = 200, only: projection.Filter = "all"
) -> tuple[list[CrossingSummary], projection.Cursor | None]:
    """A page of the records view, newest first; `only` filters (today is since local midnight)."""
    require(session, "read")
    midnight = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    today = midnight.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    since = format_time(datetime.now(UTC) - timedelta(hours=72))  # the interview queue's window
    with session.reading() as conn:
        acked = syncstate.acked_seq(conn)
        rows, cursor = projection.page(
            conn,
            after=after,
            limit=limit,
            only=only,
            today=today,
            acked_seq=acked,
            backlog=eventlog.head(conn)[0] - acked,
            since=since,
        )
        return with_sync_state(conn, rows), cursor


def with_sync_state(conn: db.Connection, rows: list[CrossingSummary]) -> list[CrossingSummary]:
    """Each row with the server's receipt for its latest event, if the station holds one."""
    statuses = syncstate.receipt_statuses(conn, [r.last_seq for r in rows])
    return [r.model_copy(update={"sync": statuses[r.last_seq]}) if r.last_seq in statuses else r for r in rows]


def sync_overview(session: Session) -> syncstate.Overview:
    """What the status bar shows: enrolled, backlog, age of the oldest unsent event, last success and error."""
    with session.reading() as conn:
        return syncstate.overview(conn)


@dataclass(frozen=True)
class SyncPanel:
    overview: syncstate.Overview
    enrolment: syncstate.Enrolment | None
    attempts: list[syncstate.Attempt]


def sync_panel(session: Session, limit: int = 100) -> SyncPanel:
    """What the sync panel shows: the status bar's figures, the server this station is enrolled with, and the
    latest attempts with their outcome in plain sentences."""
    with session.reading() as conn:
        return SyncPanel(syncstate.overview(conn), syncstate.enrolment(conn), syncstate.attempts(conn, limit))


@dataclass(frozen=True)
class VerifyReport:
    events: int
    crossings: int


def verify(session: Session) -> VerifyReport:
    """Authenticate every page, walk the hash chain, and check the projection against a replay of the log."""
    require(session, "verify")
    with session.reading() as conn:
        pages = db.damaged_pages(conn)
        if pages:
            raise db.tampered(session.paths.db, pages)
        events = eventlog.verify(conn, session.station.device_id)
        live = conn.execute("SELECT * FROM crossings ORDER BY id").fetchall()
        conn.execute("BEGIN IMMEDIATE")
        try:  # replay the log into the projection tables, compare, and roll the replay back
            projection.rebuild(conn)
            replayed = conn.execute("SELECT * FROM crossings ORDER BY id").fetchall()
        finally:
            conn.execute("ROLLBACK")
    if live != replayed:
        raise db.tampered(session.paths.db, [], what="the crossings list does not match the event log")
    return VerifyReport(events=events, crossings=len(live))


def export_events(session: Session, out: IO[str]) -> int:
    """Write the log as JSON lines (one event a line, hash included) for a supervisor's hand-over."""
    require(session, "export")
    count = 0
    with session.reading() as conn:
        for event in eventlog.all_events(conn):
            out.write(json.dumps(event.model_dump(mode="json"), ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


def iter_history_lines(view: RecordView) -> Iterator[str]:
    for ev in view.history:
        who = f"{ev.actor.name} ({ev.actor.role})"
        when = ev.occurred_at[:16].replace("T", " ") + " UTC"
        line = f"#{ev.seq} {when} {ev.type} by {who}"
        if "reason" in ev.payload:
            line += f" — reason: {ev.payload['reason']}"
        yield line
        for path, (old, new) in ev.payload.get("changes", {}).items():
            yield f"    {path}: {json.dumps(old, ensure_ascii=False)} -> {json.dumps(new, ensure_ascii=False)}"


# -- the booth form: remembered choices, drafts, settings ----------------------------------------------------
def entry_defaults(session: Session) -> tuple[str, str]:
    """(direction, transport) of the last crossing recorded at this station: a booth handles one lane."""
    with session.reading() as conn:
        row = conn.execute(
            "SELECT payload FROM events WHERE type = 'crossing.recorded' ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    if row is None:
        return "exit", "land"
    crossing = json.loads(row[0])["record"]["crossing"]
    return str(crossing["direction"]), str(crossing["transport"])


def save_draft(session: Session, kind: str, data: dict[str, Any]) -> None:
    """Keep the user's unfinished form (encrypted with the rest of the store); one per user."""
    with session.writing() as conn:
        drafts.save(conn, session.user.id, kind, data)


def load_draft(session: Session) -> drafts.Draft | None:
    with session.reading() as conn:
        return drafts.load(conn, session.user.id)


def discard_draft(session: Session) -> None:
    with session.writing() as conn:
        drafts.discard(conn, session.user.id)


@dataclass(frozen=True)
class Settings:
    """The station's settings in its encrypted store. (The language is the workstation's: the login page needs
    it before anything is unlocked, so the UI keeps it next to the store, see ui/i18n.py.)"""

    idle_lock_minutes: int = 5


def settings(session: Session) -> Settings:
    with session.reading() as conn:
        minutes = drafts.get_setting(conn, "idle_lock_minutes")
    return Settings(idle_lock_minutes=int(minutes) if minutes and minutes.isdigit() else Settings.idle_lock_minutes)


def update_settings(session: Session, *, idle_lock_minutes: int) -> Settings:
    require(session, "settings")
    if not 1 <= idle_lock_minutes <= 60:
        raise InvalidInput([("idle_lock_minutes", "the idle lock must be between 1 and 60 minutes")])
    with session.writing() as conn:
        drafts.put_settings(conn, {"idle_lock_minutes": str(idle_lock_minutes)})
    return Settings(idle_lock_minutes)


# -- station users (supervisor) ---------------------------------------------------------------------------------
MIN_PASSWORD = 8
ROLES = ("officer", "social_worker", "supervisor")
_USERNAME = re.compile(r"^[A-Za-z0-9._-]{2,64}$")


def password_problems(password: str, repeat: str, key: str = "password") -> list[tuple[str, str]]:
    if len(password) < MIN_PASSWORD:
        return [(key, f"use at least {MIN_PASSWORD} characters")]
    if password != repeat:
        return [(f"{key}_repeat", "the two passwords differ; type the same one twice")]
    return []


def _person_problems(username: str, full_name: str, role: str, badge: str) -> list[tuple[str, str]]:
    problems = []
    if not _USERNAME.match(username):
        problems.append(("username", "use 2-64 letters, digits, dots, dashes or underscores, without spaces"))
    if not full_name.strip():
        problems.append(("full_name", "give the person's full name, as on the badge"))
    elif len(full_name) > 200:
        problems.append(("full_name", "the full name is longer than 200 characters"))
    if role not in ROLES:
        problems.append(("role", "choose officer, social worker or supervisor"))
    if len(badge) > 40:
        problems.append(("badge", "the badge number is longer than 40 characters"))
    return problems


def create_station(
    directory: Path,
    *,
    bcp: str,
    station_name: str,
    username: str,
    full_name: str,
    badge: str = "",
    female_at_officer: bool = False,
    password: str,
    repeat: str,
    kdf: KdfParams | None = None,
) -> Session:
    """The first-run set-up: a new station with its first supervisor, every problem reported at once."""
    station.ensure_free(directory)
    problems = []
    if bcp not in reference.bcps():
        problems.append(("bcp", "choose the border crossing point of this station"))
    if not station_name.strip():
        problems.append(("station_name", "name the station (for example 'Kakavijë, exit lane 2')"))
    problems += _person_problems(username, full_name, "supervisor", badge)
    problems += password_problems(password, repeat)
    if problems:
        raise InvalidInput(problems)
    supervisor = User(
        id=uuid7(),
        username=username,
        full_name=" ".join(full_name.split()),
        role="supervisor",
        badge=badge.strip() or None,
        female_at_officer=female_at_officer,
    )
    return station.create_station(
        directory, bcp=bcp, station_name=station_name.strip(), supervisor=supervisor, password=password, kdf=kdf
    )


def list_users(session: Session) -> list[User]:
    require(session, "users")
    return session.users()


def add_user(
    session: Session,
    *,
    username: str,
    full_name: str,
    role: str,
    badge: str = "",
    female_at_officer: bool = False,
    password: str,
    repeat: str,
    expires_at: str | None = None,
) -> User:
    require(session, "users")
    problems = _person_problems(username, full_name, role, badge) + password_problems(password, repeat)
    if not problems and session.find_user(username) is not None:
        problems.append(("username", f"{username!r} already exists at this station; choose another user name"))
    if problems:
        raise InvalidInput(problems)
    user = User(
        id=uuid7(),
        username=username,
        full_name=" ".join(full_name.split()),
        role=role,  # checked above
        badge=badge.strip() or None,
        female_at_officer=female_at_officer,
        expires_at=expires_at,
    )
    session.add_user(user, password)
    return user


def _existing(session: Session, username: str) -> User:
    user = session.find_user(username)
    if user is None:
        raise InvalidInput([("username", f"there is no user {username!r} at this station")])
    return user


def _other_active_supervisor(session: Session, username: str) -> bool:
    return any(
        u.role == "supervisor" and u.active and u.username.casefold() != username.casefold() for u in session.users()
    )


def update_user(
    session: Session, username: str, *, full_name: str, role: str, badge: str = "", female_at_officer: bool = False
) -> User:
    require(session, "users")
    user = _existing(session, username)
    problems = [p for p in _person_problems(username, full_name, role, badge) if p[0] != "username"]
    if user.role == "supervisor" and role != "supervisor" and not _other_active_supervisor(session, username):
        problems.append(("role", "this is the only supervisor; make someone else supervisor first"))
    if problems:
        raise InvalidInput(problems)
    session.update_user(
        user.username,
        full_name=" ".join(full_name.split()),
        role=role,  # type: ignore[arg-type]  # checked above
        badge=badge.strip() or None,
        female=female_at_officer,
    )
    return _existing(session, username)


def disable_user(session: Session, username: str) -> None:
    require(session, "users")
    user = _existing(session, username)
    if not user.active:
        raise InvalidInput([("username", f"{username!r} is already disabled")])
    if user.role == "supervisor" and not _other_active_supervisor(session, username):
        raise InvalidInput([("username", "this is the only supervisor; without one nobody could manage the station")])
    session.disable_user(user.username)


def reset_password(session: Session, username: str, password: str, repeat: str) -> None:
    """A new key slot for the user: the new password opens the same data (own password, or any as supervisor)."""
    if username.casefold() != session.user.username.casefold():
        require(session, "users")
    user = _existing(session, username)
    if not user.active:
        raise InvalidInput([("username", f"{username!r} is disabled; a password would not open the station")])
    problems = password_problems(password, repeat)
    if problems:
        raise InvalidInput(problems)
    session.set_password(user.username, password)


def add_temporary_social_worker(
    session: Session, *, username: str, full_name: str, organisation: str, password: str, repeat: str, hours: int = 12
) -> User:
    """A social worker with no account here, arrived for an interview: an account that expires by itself."""
    if not 1 <= hours <= 72:
        raise InvalidInput([("hours", "a temporary account lasts between 1 and 72 hours")])
    until = datetime.now(UTC) + timedelta(hours=hours)
    return add_user(
        session,
        username=username,
        full_name=full_name,
        role="social_worker",
        badge=organisation,
        password=password,
        repeat=repeat,
        expires_at=format_time(until),
    )


def station_report(session: Session, year: int, quarter: int) -> report.Report:
    """The quarterly indicator report of this station, offline (the same code as the central console's)."""
    require(session, "export")
    start, end = report.quarter_bounds(year, quarter)
    with session.reading() as conn:
        counts = conn.execute(report.CROSSING_COUNTS_SQL, {"start": start, "end": end}).fetchall()
        interviews = conn.execute(report.INTERVIEWS_SQL, {"start": start, "end": end}).fetchall()
    return report.build(year, quarter, counts, interviews)
