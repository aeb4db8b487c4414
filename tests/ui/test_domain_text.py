"""Sentences made by the domain layer are shown in Albanian too: every sentence the booth, the login, the
users page and the interview can produce matches a template (so a new sentence without one fails here), and
the template's translation carries the same values."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from borderapp import entry, services
from borderapp import interview as iv
from borderapp.errors import InvalidInput, KnownError
from tests.interviews import FAT_PW
from tests.stations import login
from ui import domain_text, i18n

NOW = datetime(2026, 7, 1, 10, 30, tzinfo=timezone(timedelta(hours=2)))


def form_sentences() -> list[str]:
    bad = [
        entry.blank(),
        entry.blank() | {"birth_date": "31.02.2016", "estimated_age": "ten", "crossed_at": "25:00", "mrz": "P<ALB§"},
        entry.blank() | {"birth_date": "x", "crossed_at": "11:00", "accompaniment": "alone", "sex": "F",
                         "family_name": "A", "given_names": "B", "nationality": "AL", "document_number": ""},
        entry.blank() | {"birth_date": "01.01.2000", "accompaniment": "both_parents", "sex": "F", "family_name": "A",
                         "given_names": "B", "nationality": "ALB", "document_number": "X1", "expiry": "01.01.1990",
                         "planned_return": "01.01.2020", "adults": [entry.blank_adult() | {"family_name": "C",
                         "given_names": "D", "other_children": "two"}]},
        entry.blank() | {"presumed_minor": True, "estimated_age": "19", "accompaniment": "one_parent", "sex": "F",
                         "family_name": "A", "given_names": "B", "nationality": "ALB", "document_type": "none"},
        entry.blank() | {"birth_date": "01.01.2030", "accompaniment": "alone", "sex": "F", "family_name": "A",
                         "given_names": "B", "nationality": "ALB", "document_type": "none",
                         "adults": [entry.blank_adult() | {"family_name": "C", "given_names": "D",
                                                          "relationship": "father"}]},
        entry.blank() | {"mrz": "P<ALBHOXHA<<ANA\nBA1234567"},
    ]  # fmt: skip
    out = []
    for values in bad:
        out += list(entry.build(values, bcp="KAK", now=NOW).problems.values())
    return out


def service_sentences(station_dir: Path, flagged: str) -> list[str]:
    out: list[str] = []

    def catch(call: object) -> None:
        try:
            call()  # type: ignore[operator]
        except InvalidInput as exc:
            out.extend(text for _, text in exc.problems)
        except KnownError as exc:
            out.append(str(exc))

    for password in ("wrong-1", "wrong-2"):
        catch(lambda password=password: login(station_dir, "off", password))
    catch(lambda: login(station_dir, "nobody", "x"))
    with login(station_dir, "sup") as s:
        catch(lambda: services.add_user(s, username="a b", full_name="", role="x", password="1", repeat="1"))
        catch(lambda: services.add_user(s, username="off", full_name="O", role="officer", password="12345678",
                                        repeat="12345679"))  # fmt: skip
        catch(lambda: services.add_user(s, username="off", full_name="O", role="officer", password="12345678",
                                        repeat="12345678"))  # fmt: skip
        catch(lambda: services.disable_user(s, "sup"))
        catch(lambda: services.update_user(s, "sup", full_name="S", role="officer"))
        catch(lambda: services.update_settings(s, idle_lock_minutes=0))
        catch(
            lambda: services.add_temporary_social_worker(
                s, username="t1", full_name="T", organisation="", password="12345678", repeat="12345678", hours=99
            )
        )
        record_id = services.list_crossings(s)[0][0].record_id
        record = services.show(s, record_id).record
        catch(lambda: services.correct(s, record_id, record, "no"))
        catch(lambda: services.correct(s, record_id, record, "a real reason"))
        interview_id = iv.open_interview(s, flagged)
        catch(lambda: iv.record_presence(s, interview_id, "female_at_officer", "sup", "supervisor-pw-1"))
        catch(lambda: iv.record_presence(s, interview_id, "social_worker", "fat", FAT_PW))
        catch(lambda: iv.record_presence(s, interview_id, "social_worker", "ghost", "x"))
        catch(lambda: iv.sign(s, interview_id, iv.Content(interpreter=iv.Interpreter(language="it")), None,
                              iv.Referral(), iv.Signature("a", "b"), iv.Signature("c", "d")))  # fmt: skip
        iv.record_presence(s, interview_id, "female_at_officer", "fat", FAT_PW)
        iv.record_presence(s, interview_id, "social_worker", "sw", "social-pw-1")
        catch(lambda: iv.sign(s, interview_id, iv.Content(interpreter=iv.Interpreter(language="it")), None,
                              iv.Referral(), iv.Signature("a", "b"), iv.Signature("c", "d")))  # fmt: skip
        catch(lambda: iv.sign(s, interview_id, iv.Content(), "potential_victim", iv.Referral(to=["family"]),
                              iv.Signature("a", "b"), iv.Signature("c", "d")))  # fmt: skip
    with login(station_dir, "off") as s:
        catch(lambda: iv.save_content(s, interview_id, iv.Content()))
    return out


def test_every_domain_sentence_has_a_template(station_dir: Path, flagged: str) -> None:
    sentences = form_sentences() + service_sentences(station_dir, flagged)
    assert len(sentences) > 40
    missing = sorted({s for s in sentences if not domain_text.known(s)})
    assert missing == [], "add these to ui/domain_text.py TEMPLATES and translate them"


@pytest.fixture
def albanian() -> object:
    i18n.install("sq")
    yield
    i18n.install("en")


def test_a_sentence_is_shown_in_albanian_with_its_values(qtbot: object, albanian: object) -> None:
    english = "the date of birth 2030-01-01 is after the crossing date 2026-07-01; check the document"
    shown = domain_text.text(english)
    assert shown != english and "2030-01-01" in shown and "2026-07-01" in shown
    wrong = domain_text.text("Wrong password for 'off'. 4 attempt(s) left before a pause.")
    assert "'off'" in wrong and "4" in wrong and not wrong.startswith("Wrong")
    assert domain_text.text("Use at least 8 characters").startswith(
        domain_text.text("use at least 8 characters")[:1].upper()
    )
    assert domain_text.text("something no template knows") == "something no template knows"


def test_the_sync_sentences_have_templates(station_dir: Path, tmp_path: Path) -> None:
    from borderapp.store import syncstate
    from sync.client import StationSync
    from tests.sync.live import live_server

    sentences: list[str] = []
    with login(station_dir, "sup") as s:
        for call in (lambda: StationSync(s).sync_once(), lambda: StationSync(s).enrol("BAENROL1|nonsense")):
            try:
                call()
            except KnownError as exc:
                sentences.append(str(exc))
        with live_server(tmp_path / "central") as server:
            try:
                StationSync(s).enrol(server.code("TIA"))
            except KnownError as exc:
                sentences.append(str(exc))
            StationSync(s).enrol(server.code("KAK"))
            StationSync(s).sync_once()
        with s.reading() as conn:
            sentences += [a.message for a in syncstate.attempts(conn)]
    from sync.client import transport_problem
    from sync.errors import PinMismatch

    sentences += [str(PinMismatch()), str(transport_problem("http://192.0.2.1", None))]
    sentences.append(str(transport_problem("https://192.0.2.1", "")))
    assert len(sentences) >= 5
    missing = sorted({x for x in sentences if not domain_text.known(x)})
    assert missing == [], "add these to ui/domain_text.py TEMPLATES and translate them"
