"""The initial identification interview (National Strategy 1.(a).2): a flagged or second-line crossing is
taken to an interview with a female anti-trafficking police officer and a social worker, both present and
both signing. Everything is an event (`borderapp.interview_state` lists them); nothing is changed in place.

Who sees what (need-to-know): the queue and an interview's status are for every station user; the content
(checklist answers, the child's views, the decision) only for the interview's two participants, social
workers and the supervisor. Presence and signatures are confirmed with each person's own password on this
workstation, offline (the key slot is checked; nothing else is unlocked).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from borderapp import reference
from borderapp.errors import InvalidInput, PermissionDenied, RecordNotFound
from borderapp.events import Event, format_time, utc_now, uuid7
from borderapp.models import SCHEMA_VERSION, CrossingRecord, describe
from borderapp.store import eventlog, interviews, projection
from borderapp.store.projection import CrossingSummary
from borderapp.store.station import Session, User

CHECKLIST = "initial-interview-1"  # the version new interviews follow; the one used is stored with each
QUEUE_HOURS = 72  # flagged and second-line crossings wait in the queue this long; open interviews until done
QUEUE_LIMIT = 500  # the oldest first: a queue longer than this is a matter for the supervisor, not the screen

Text = Annotated[str, Field(max_length=4000)]
Short = Annotated[str, Field(max_length=100)]
Role = Literal["female_at_officer", "social_worker"]
Decision = Literal["potential_victim", "at_risk", "no_concern"]
Destination = Literal["responsible_authority", "child_protection_unit", "shelter", "family"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ItemAnswer(_Model):
    answer: Literal["yes", "no", "na"] | None = None
    reason: Text | None = None  # why not applicable, where the checklist asks
    note: Text | None = None


class Interpreter(_Model):
    language: Short
    no_link_confirmed: bool = False  # no link to the accompanying adult


class Content(_Model):
    """What the interview form holds; saved as it is filled, signed when complete."""

    items: dict[str, ItemAnswer] = Field(default_factory=dict)
    child_views: Text | None = None
    language: Short | None = None  # the language used with the child
    interpreter: Interpreter | None = None
    guardian: Literal["present", "requested", "not_needed"] | None = None
    notes: Text | None = None


class Referral(_Model):
    to: list[Destination] = Field(default_factory=list)
    at: str | None = None  # UTC, ISO 8601


PARTICIPANT_TEXT = {"female_at_officer": "the female anti-trafficking officer", "social_worker": "the social worker"}


# -- who may do what ---------------------------------------------------------------------------------------------
def _may_work(session: Session) -> None:
    if session.user.role not in ("officer", "social_worker", "supervisor"):
        raise PermissionDenied("This role may not take part in interviews.")


def may_see_content(user: User, row: dict[str, Any]) -> bool:
    return user.role in ("social_worker", "supervisor") or user.id in {row["officer_id"], row["social_worker_id"]}


def _require_content(session: Session, row: dict[str, Any]) -> None:
    if not may_see_content(session.user, row):
        raise PermissionDenied(
            "Only the interview's participants, social workers and the supervisor may see or change what was said "
            "in an interview. Record your presence first if you are the female anti-trafficking officer."
        )


# -- the queue ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QueueItem:
    crossing: CrossingSummary
    interview_id: str | None
    status: str  # waiting, open
    waited_s: float  # since the crossing
    officer_present: bool
    social_worker_present: bool


def _age_s(iso: str, now: datetime) -> float:
    return max(0.0, (now - datetime.fromisoformat(iso.replace("Z", "+00:00"))).total_seconds())


def queue(session: Session, now: datetime | None = None) -> list[QueueItem]:
    """Crossings of the last 72 h waiting for an interview (flagged, or sent to second line or to interview) and
    interviews not yet signed, the longest waiting first."""
    _may_work(session)
    now = now or datetime.now(UTC)
    since = format_time(now - timedelta(hours=QUEUE_HOURS))
    with session.reading() as conn:
        # The time range comes first so the crossings_time index answers it: a station with a million records
        # reads only the last few days' rows.
        waiting = conn.execute(
            f"SELECT {projection.SUMMARY_COLUMNS} FROM crossings c WHERE crossed_at >= ? AND status = 'active' "
            "AND (outcome IN ('second_line', 'interview') OR flag_count > 0) AND NOT EXISTS "
            "(SELECT 1 FROM interviews i WHERE i.crossing_id = c.record_id) ORDER BY crossed_at LIMIT ?",
            (since, QUEUE_LIMIT),
        ).fetchall()
        summaries = [projection.summary_of(r) for r in waiting]
        items = [QueueItem(c, None, "waiting", _age_s(c.crossed_at, now), False, False) for c in summaries]
        for row in interviews.open_ones(conn):
            found = projection.get(conn, row["crossing_id"])
            if found is None:
                continue
            items.append(
                QueueItem(
                    found[0],
                    row["interview_id"],
                    "open",
                    _age_s(found[0].crossed_at, now),
                    row["officer_id"] is not None,
                    row["social_worker_id"] is not None,
                )
            )
    return sorted(items, key=lambda item: -item.waited_s)


# -- opening, presence, calls --------------------------------------------------------------------------------------
def _interview(session: Session, interview_id: str) -> dict[str, Any]:
    with session.reading() as conn:
        row = interviews.get(conn, interview_id)
    if row is None:
        raise RecordNotFound(f"There is no interview {interview_id} at this station.")
    return row


def _open_only(row: dict[str, Any]) -> None:
    if row["status"] == "signed":
        raise InvalidInput([("interview", "the interview is signed and read-only; record a correction with a reason")])


def open_interview(session: Session, crossing_id: str, reason: str = "") -> str:
    """Take a crossing to an initial interview (or return the interview already open for it)."""
    _may_work(session)
    with session.reading() as conn:
        found = projection.get(conn, crossing_id)
        existing = interviews.for_crossing(conn, crossing_id)
    if found is None:
        raise RecordNotFound(f"There is no crossing record {crossing_id} at this station.")
    if found[0].status != "active":
        raise InvalidInput([("crossing", "this crossing record is void; there is nothing to interview about")])
    if existing is not None:
        return str(existing["interview_id"])
    interview_id = uuid7()
    payload = {"schema_version": SCHEMA_VERSION, "crossing_id": crossing_id, "checklist": CHECKLIST}
    if reason.strip():
        payload["reason"] = " ".join(reason.split())
    session.append("interview.opened", interview_id, payload)
    return interview_id


def confirm_password(session: Session, username: str, password: str) -> User:
    """The person's own password, checked against his or her key slot on this workstation (wrong passwords
    count towards the lockout as at login)."""
    user = session.find_user(username)
    if user is None or not user.active:
        raise InvalidInput([("username", f"there is no active user {username!r} at this station")])
    if user.expires_at and user.expires_at < utc_now():
        expired = f"the temporary account {username!r} has expired; the supervisor can make a new one"
        raise InvalidInput([("username", expired)])
    session.keyslots.unlock(user.username, password)  # raises WrongPassword / AccountLocked
    return user


def record_presence(
    session: Session,
    interview_id: str,
    role: Role,
    username: str,
    password: str,
    *,
    organisation: str = "",
    arrived_at: str | None = None,
) -> Event:
    """The female anti-trafficking officer or the social worker confirms presence with his or her password."""
    _may_work(session)
    row = _interview(session, interview_id)
    _open_only(row)
    user = confirm_password(session, username, password)
    if role == "female_at_officer" and not (user.female_at_officer and user.role in ("officer", "supervisor")):
        not_one = f"{user.full_name} is not recorded as a female anti-trafficking officer; the supervisor sets this"
        raise InvalidInput([("username", not_one + " in Users")])
    if role == "social_worker" and user.role != "social_worker":
        not_one = f"{user.full_name} is not a social worker at this station; a social worker without an account"
        raise InvalidInput([("username", not_one + " gets a temporary one from the supervisor")])
    payload = {
        "schema_version": SCHEMA_VERSION,
        "role": role,
        "user_id": user.id,
        "name": user.full_name,
        "badge_or_organisation": (organisation.strip() or user.badge or "")[:100],
        "arrived_at": arrived_at or utc_now(),
        "confirmed_by_password": True,
    }
    return session.append("interview.attended", interview_id, payload)


def record_call(
    session: Session, interview_id: str, role: Role, reason: str = "", called_at: str | None = None
) -> Event:
    """The stand-by person (usually the social worker) was called: when, and why it took long if it did."""
    _may_work(session)
    _open_only(_interview(session, interview_id))
    payload = {"schema_version": SCHEMA_VERSION, "role": role, "called_at": called_at or utc_now()}
    if reason.strip():
        payload["reason"] = " ".join(reason.split())[:500]
    return session.append("interview.called", interview_id, payload)


# -- content -------------------------------------------------------------------------------------------------------
# What was said in the interview is sealed with a key only this station has (derived from its data key), so it
# travels with the hash-chained log to the central server without being readable there; the decision, the
# referral and the signatures stay in clear for the indicators. See docs/UI.md.
def _seal(session: Session, interview_id: str, content: Content) -> str:
    return session.seal(content.model_dump_json(exclude_none=True).encode(), interview_id)


def _unseal(session: Session, interview_id: str, sealed: str) -> Content:
    return Content.model_validate_json(session.unseal(sealed, interview_id))


def parse_content(data: Any) -> Content:
    try:
        return Content.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(describe(exc)) from None


def save_content(
    session: Session,
    interview_id: str,
    content: Content,
    decision: Decision | None = None,
    referral: Referral | None = None,
) -> Event:
    """Keep the form as it is now, the decision taken so far included (a lock, a crash or a restart loses
    nothing). Not a signature: only `sign` makes the decision final."""
    row = _interview(session, interview_id)
    _require_content(session, row)
    _open_only(row)
    payload: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "content_sealed": _seal(session, interview_id, content),
    }
    if decision is not None:
        payload["decision"] = decision
        payload["referral"] = (referral or Referral()).model_dump(mode="json", exclude_none=True)
    return session.append("interview.saved", interview_id, payload)


def content_problems(content: Content, checklist: dict[str, Any]) -> list[tuple[str, str]]:
    """What must be filled in before signing, per checklist item and field."""
    problems = []
    for item in checklist["items"]:
        answer = content.items.get(item["key"], ItemAnswer())
        if answer.answer is None:
            problems.append((f"items.{item['key']}", "answer yes, no or not applicable"))
        elif answer.answer == "na" and item.get("reason_if_na") and not (answer.reason or "").strip():
            problems.append((f"items.{item['key']}", "say why it does not apply"))
    if not (content.child_views or "").strip():
        problems.append(("child_views", "record the child's views (best interest first)"))
    if not (content.language or "").strip():
        problems.append(("language", "record the language used with the child"))
    if content.interpreter is not None and not content.interpreter.no_link_confirmed:
        problems.append(("interpreter", "confirm the interpreter has no link to the accompanying adult"))
    if content.guardian is None:
        problems.append(("guardian", "say whether a guardian or representative was present or requested"))
    return problems


def referral_problems(
    decision: str | None, referral: Referral, crossing: CrossingRecord | None
) -> list[tuple[str, str]]:
    """The referral rule: a potential victim goes to the Responsible Authority (National Referral Mechanism)
    and the Child Protection Unit; a foreign child to the Responsible Authority for pre-screening."""
    problems = []
    if decision is None:
        return [("decision", "choose the decision: potential victim, at risk, or no concern")]
    if decision == "potential_victim":
        needs = (
            ("responsible_authority", "the Responsible Authority (National Referral Mechanism)"),
            ("child_protection_unit", "the Child Protection Unit"),
        )
        lacking = [text for needed, text in needs if needed not in referral.to]
        if lacking:
            problems.append(("referral", f"a potential victim is referred to {' and '.join(lacking)}"))
    foreign = crossing is not None and crossing.child.nationality != "ALB"
    if foreign and decision != "no_concern" and "responsible_authority" not in referral.to:
        problems.append(("referral", "a foreign child is referred to the Responsible Authority for pre-screening"))
    if referral.to and not referral.at:
        problems.append(("referral_at", "give the time of the referral"))
    return problems


@dataclass(frozen=True)
class Signature:
    username: str
    password: str


def sign(
    session: Session,
    interview_id: str,
    content: Content,
    decision: str | None,
    referral: Referral,
    officer: Signature,
    social_worker: Signature,
) -> Event:
    """Both participants sign the completed interview with their passwords: one dual-signature event, after
    which the interview is read-only. Every problem is reported at once; nothing is signed until all is well."""
    row = _interview(session, interview_id)
    _require_content(session, row)
    _open_only(row)
    slots = (("female_at_officer", "officer_id"), ("social_worker", "social_worker_id"))
    missing = [PARTICIPANT_TEXT[role] for role, key in slots if row[key] is None]
    if missing:
        who = " and ".join(missing)
        verb = "have" if len(missing) > 1 else "has"
        text = f"{who} {verb} not confirmed presence; the interview cannot be signed without both"
        raise InvalidInput([("presence", text)])
    checklist = reference.checklists()[row["checklist"]]
    with session.reading() as conn:
        found = projection.get(conn, row["crossing_id"])
    problems = content_problems(content, checklist) + referral_problems(decision, referral, found[1] if found else None)
    if problems:
        raise InvalidInput(problems)
    signatures = []
    for sig, (role, key) in zip((officer, social_worker), slots, strict=True):
        user = confirm_password(session, sig.username, sig.password)
        if user.id != row[key]:
            who = PARTICIPANT_TEXT[role].removeprefix("the ")
            text = f"{user.full_name} is not the {who} who confirmed presence; that person signs"
            raise InvalidInput([(f"signature.{role}", text)])
        signatures.append({"role": role, "user_id": user.id, "name": user.full_name, "signed_at": utc_now()})
    payload = {
        "schema_version": SCHEMA_VERSION,
        "content_sealed": _seal(session, interview_id, content),
        "decision": decision,
        "referral": referral.model_dump(mode="json", exclude_none=True),
        "signatures": signatures,
    }
    return session.append("interview.signed", interview_id, payload)


def correct(
    session: Session, interview_id: str, content: Content, decision: str | None, referral: Referral, reason: str
) -> Event:
    """A signed interview is corrected by a new event with the reason (its participants or the supervisor)."""
    row = _interview(session, interview_id)
    _require_content(session, row)
    if row["status"] != "signed":
        raise InvalidInput([("interview", "the interview is not signed yet; change it and sign it")])
    why = " ".join(reason.split())
    if len(why) < 5:
        raise InvalidInput([("reason", "say why (at least 5 characters); the reason is kept with the interview")])
    with session.reading() as conn:
        found = projection.get(conn, row["crossing_id"])
    problems = referral_problems(decision, referral, found[1] if found else None)
    if problems:
        raise InvalidInput(problems)
    payload = {
        "schema_version": SCHEMA_VERSION,
        "content_sealed": _seal(session, interview_id, content),
        "decision": decision,
        "referral": referral.model_dump(mode="json", exclude_none=True),
        "reason": why,
    }
    return session.append("interview.corrected", interview_id, payload)


# -- reading -------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class InterviewView:
    row: dict[str, Any]  # status and times: for everyone
    crossing: CrossingSummary | None
    content: Content | None  # None when the user may not see it
    decision: str | None
    referral: Referral | None
    attendance: list[dict[str, Any]]
    calls: list[dict[str, Any]]
    signatures: list[dict[str, Any]]
    history: list[Event]

    @property
    def signed(self) -> bool:
        return bool(self.row["status"] == "signed")


def show(session: Session, interview_id: str) -> InterviewView:
    _may_work(session)
    row = _interview(session, interview_id)
    with session.reading() as conn:
        found = projection.get(conn, row["crossing_id"])
        history = eventlog.for_record(conn, interview_id)
    allowed = may_see_content(session.user, row)
    content, decision, referral, signatures = Content(), None, None, []
    attendance = [e.payload for e in history if e.type == "interview.attended"]
    calls = [e.payload for e in history if e.type == "interview.called"]
    sealed = [e.payload["content_sealed"] for e in history if "content_sealed" in e.payload]
    if sealed and allowed:  # the latest version only: an interview saved every 15 s has many
        content = _unseal(session, interview_id, str(sealed[-1]))
    for event in history:
        if "decision" in event.payload:
            decision = event.payload["decision"]
            referral = Referral.model_validate(event.payload.get("referral") or {})
        if event.type == "interview.signed":
            signatures = event.payload["signatures"]
    if not allowed:
        return InterviewView(row, found[0] if found else None, None, None, None, attendance, calls, signatures, [])
    return InterviewView(
        row, found[0] if found else None, content, decision, referral, attendance, calls, signatures, history
    )


def status_of(session: Session, crossing_id: str) -> dict[str, Any] | None:
    """What the booth sees: whether there is an interview and how far it is (no content)."""
    with session.reading() as conn:
        row = interviews.for_crossing(conn, crossing_id)
    if row is None:
        return None
    return {k: row[k] for k in ("interview_id", "status", "opened_at", "both_present_at", "signed_at", "referred_at")}


# -- papers --------------------------------------------------------------------------------------------------------
def case_reference(session: Session, interview_id: str) -> tuple[str, str]:
    """(case reference, check code) for the referral slip and its QR code: no name, birth date or document
    number. The check code (HMAC of the reference with the station's device id) catches a mistyped reference."""
    bcp = session.station.bcp
    ref = f"{bcp}-{interview_id[-12:].upper()}"
    check = hmac.new(session.station.device_id.encode(), ref.encode(), hashlib.sha256).hexdigest()[:6].upper()
    return ref, check


def qr_text(reference_: str, check: str) -> str:
    return f"BAREF1|{reference_}|{check}"


def rights_languages() -> dict[str, str]:
    """Languages the rights sheet exists in (code -> the language's own name): one file each, so adding a
    language is adding a file to resources/rights/."""
    out = {}
    for path in sorted((reference.RESOURCES / "rights").glob("*.json")):
        out[path.stem] = str(json.loads(path.read_text("utf-8"))["name"])
    return out


def rights_sheet(language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((reference.RESOURCES / "rights" / f"{language}.json").read_text("utf-8"))
    return data
