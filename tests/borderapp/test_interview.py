"""The initial interview at service level on a real station: queue, presence confirmed by password, the
missing person named, the checklist, the referral rule, one dual-signature event, read-only after signing,
need-to-know per role, a restart in the middle, and a slip reference with no personal data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from borderapp import interview as iv
from borderapp import services
from borderapp.errors import InvalidInput, PermissionDenied, WrongPassword
from borderapp.events import format_time
from borderapp.store.station import User
from tests.interviews import FAT_PW, TEMP_PW, complete_content, referral_now
from tests.stations import PASSWORDS, login


def problems(exc: pytest.ExceptionInfo[InvalidInput]) -> dict[str, str]:
    return dict(exc.value.problems)


def test_the_whole_path_with_a_social_worker_called_in(station_dir: Path, flagged: str) -> None:
    with login(station_dir, "fat", FAT_PW) as s:
        [waiting] = [q for q in iv.queue(s) if q.crossing.record_id == flagged]
        assert waiting.status == "waiting" and waiting.interview_id is None
        interview_id = iv.open_interview(s, flagged)
        assert iv.open_interview(s, flagged) == interview_id  # one interview per crossing
        with pytest.raises(WrongPassword):
            iv.record_presence(s, interview_id, "female_at_officer", "fat", "wrong password")
        with pytest.raises(InvalidInput, match="not recorded as a female anti-trafficking officer"):
            iv.record_presence(s, interview_id, "female_at_officer", "off", PASSWORDS["off"])
        iv.record_presence(s, interview_id, "female_at_officer", "fat", FAT_PW)
        iv.record_call(s, interview_id, "social_worker", reason="on stand-by at home, 40 km away")
        with pytest.raises(InvalidInput) as exc:
            iv.sign(s, interview_id, complete_content(), "potential_victim", referral_now(),
                    iv.Signature("fat", FAT_PW), iv.Signature("sw", PASSWORDS["sw"]))  # fmt: skip
        assert problems(exc) == {
            "presence": "the social worker has not confirmed presence; the interview cannot be signed without both"
        }
        iv.save_content(s, interview_id, iv.Content(child_views="scared", language="sq"))
    # A restart in the middle: everything saved is there.
    with login(station_dir, "sup") as s:
        services.add_temporary_social_worker(
            s,
            username="temp-sw",
            full_name="Lule Sociale",
            organisation="CPU",
            password=TEMP_PW,
            repeat=TEMP_PW,
            hours=8,
        )
    with login(station_dir, "fat", FAT_PW) as s:
        view = iv.show(s, interview_id)
        assert view.content is not None and view.content.child_views == "scared"
        assert [c["reason"] for c in view.calls] == ["on stand-by at home, 40 km away"]
        with pytest.raises(InvalidInput, match="is not a social worker"):
            iv.record_presence(s, interview_id, "social_worker", "off", PASSWORDS["off"])
        iv.record_presence(s, interview_id, "social_worker", "temp-sw", TEMP_PW, organisation="CPU Gjirokastër")
        incomplete = iv.Content(child_views="", language="sq")
        with pytest.raises(InvalidInput) as exc:
            iv.sign(s, interview_id, incomplete, "potential_victim", iv.Referral(to=["family"]),
                    iv.Signature("fat", FAT_PW), iv.Signature("temp-sw", TEMP_PW))  # fmt: skip
        found = problems(exc)
        assert found["items.separated"] == "answer yes, no or not applicable"
        assert found["child_views"].startswith("record the child's views")
        assert found["referral"] == (
            "a potential victim is referred to the Responsible Authority (National Referral Mechanism) and the "
            "Child Protection Unit"
        )
        assert found["referral_at"] == "give the time of the referral"
        with pytest.raises(WrongPassword):  # a wrong password at sign-off: nothing is signed
            iv.sign(s, interview_id, complete_content(), "potential_victim", referral_now(),
                    iv.Signature("fat", FAT_PW), iv.Signature("temp-sw", "not it"))  # fmt: skip
        assert iv.show(s, interview_id).row["status"] == "open"
        with pytest.raises(InvalidInput, match="is not the social worker who confirmed presence"):
            iv.sign(s, interview_id, complete_content(), "potential_victim", referral_now(),
                    iv.Signature("fat", FAT_PW), iv.Signature("sw", PASSWORDS["sw"]))  # fmt: skip
        event = iv.sign(s, interview_id, complete_content(), "potential_victim", referral_now(),
                        iv.Signature("fat", FAT_PW), iv.Signature("temp-sw", TEMP_PW))  # fmt: skip
        assert event.type == "interview.signed"
        assert [sig["name"] for sig in event.payload["signatures"]] == ["Mira Oficere", "Lule Sociale"]
        view = iv.show(s, interview_id)
        row = view.row
        assert row["status"] == "signed" and row["decision"] == "potential_victim"
        assert row["crossing_at"] <= row["opened_at"] <= row["both_present_at"] <= row["signed_at"]
        assert row["referred_at"] is not None
        with pytest.raises(InvalidInput, match="signed and read-only"):
            iv.save_content(s, interview_id, complete_content())
        with pytest.raises(InvalidInput, match="at least 5 characters"):
            iv.correct(s, interview_id, complete_content(), "potential_victim", referral_now(), "oops")
        iv.correct(s, interview_id, complete_content().model_copy(update={"notes": "mother reached"}),
                   "potential_victim", referral_now(), "the mother was reached after signing")  # fmt: skip
        assert iv.show(s, interview_id).content.notes == "mother reached"  # type: ignore[union-attr]
        assert not [q for q in iv.queue(s) if q.crossing.record_id == flagged]  # done: off the queue
        services.verify(s)  # the interviews projection replays from the log


def test_need_to_know_per_role(station_dir: Path, flagged: str) -> None:
    with login(station_dir, "fat", FAT_PW) as s:
        interview_id = iv.open_interview(s, flagged)
        iv.record_presence(s, interview_id, "female_at_officer", "fat", FAT_PW)
        iv.save_content(s, interview_id, iv.Content(child_views="the adult is not her uncle"))
        assert iv.show(s, interview_id).content is not None  # a participant
    with login(station_dir, "off") as s:  # the booth: status only
        view = iv.show(s, interview_id)
        assert view.content is None and view.decision is None and view.history == []
        assert iv.status_of(s, flagged)["status"] == "open"  # type: ignore[index]
        with pytest.raises(PermissionDenied, match="Only the interview's participants"):
            iv.save_content(s, interview_id, iv.Content(child_views="x"))
    with login(station_dir, "sw") as s:  # any social worker
        assert iv.show(s, interview_id).content.child_views == "the adult is not her uncle"  # type: ignore[union-attr]
    with login(station_dir, "sup") as s:  # the supervisor
        assert iv.show(s, interview_id).content is not None
        services.verify(s)  # the projection replays from the log, interviews included


def test_an_expired_temporary_account_cannot_confirm_presence(station_dir: Path, flagged: str) -> None:
    with login(station_dir, "sup") as s:
        expired = format_time(datetime.now(UTC) - timedelta(hours=1))
        s.add_user(User(id="u-expired", username="old-sw", full_name="Old Temp", role="social_worker",
                        expires_at=expired), "old-sw-password")  # fmt: skip
        interview_id = iv.open_interview(s, flagged)
        with pytest.raises(InvalidInput, match="temporary account 'old-sw' has expired"):
            iv.record_presence(s, interview_id, "social_worker", "old-sw", "old-sw-password")
        with pytest.raises(InvalidInput, match="between 1 and 72 hours"):
            services.add_temporary_social_worker(s, username="x1", full_name="X", organisation="", password="12345678",
                                                 repeat="12345678", hours=100)  # fmt: skip


def test_the_slip_reference_holds_no_personal_data(station_dir: Path, flagged: str) -> None:
    with login(station_dir, "sup") as s:
        interview_id = iv.open_interview(s, flagged)
        ref, check = iv.case_reference(s, interview_id)
        text = iv.qr_text(ref, check)
        record = services.show(s, flagged).record
    assert text.startswith("BAREF1|KAK-") and len(check) == 6
    for personal in (record.child.family_name, record.child.given_names, str(record.child.birth_date),
                     record.document.number or "", "2016"):  # fmt: skip
        assert personal.upper() not in text.upper()
    assert iv.rights_sheet("sq")["title"] == "Të drejtat e tua" and len(iv.rights_sheet("en")["paragraphs"]) >= 6
    assert iv.rights_languages() == {"en": "English", "sq": "Shqip"}


def test_the_queue_holds_the_last_72_hours_and_open_interviews(station_dir: Path, flagged: str) -> None:
    from borderapp.events import format_time
    from tests.factories import clean_record

    old = format_time(datetime.now(UTC) - timedelta(days=4))
    with login(station_dir, "off") as s:
        stale = services.record_crossing(
            s,
            clean_record(
                **{
                    "accompaniment": "alone",
                    "adults": [],
                    "parents": [],
                    "crossing.crossed_at": old,
                    "outcome": "second_line",
                    "travel.planned_return": None,
                }
            ),
        ).record_id
        assert [q.crossing.record_id for q in iv.queue(s)] == [flagged]  # 4 days ago: the child is long gone
        interview_id = iv.open_interview(s, stale)  # but an interview once opened stays until signed
        queue = iv.queue(s)
    assert {(q.crossing.record_id, q.status) for q in queue} == {(flagged, "waiting"), (stale, "open")}
    assert queue[0].interview_id == interview_id and queue[0].waited_s > 3 * 86400  # the longest waiting first


def test_what_was_said_is_sealed_to_this_station_and_to_its_interview(station_dir: Path, flagged: str) -> None:
    from cryptography.exceptions import InvalidTag

    with login(station_dir, "fat", FAT_PW) as s:
        interview_id = iv.open_interview(s, flagged)
        iv.record_presence(s, interview_id, "female_at_officer", "fat", FAT_PW)
        event = iv.save_content(s, interview_id, iv.Content(child_views="the man is not my uncle"))
        assert "uncle" not in str(event.payload) and "content_sealed" in event.payload
        assert iv.show(s, interview_id).content.child_views == "the man is not my uncle"  # type: ignore[union-attr]
        with pytest.raises(InvalidTag):  # moved to another interview, it does not open
            s.unseal(str(event.payload["content_sealed"]), "another-interview")
