"""The command line, in process (for messages and exit codes) and as a real subprocess (durability)."""

from __future__ import annotations

import io
import json
import signal
import sys
from datetime import date
from pathlib import Path

import pytest

from borderapp import cli
from borderapp.demo import mrz_td3
from tests.factories import clean_data
from tests.processes import borderapp, stop
from tests.stations import PASSWORDS, login

ROOT = Path(__file__).resolve().parents[2]
MRZ = "\n".join(mrz_td3("Hoxha", "Ana", "BA1234567", "ALB", date(2016, 3, 4), "F", date(2030, 1, 1)))


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, store: Path, *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(["--store", str(store), "--password-stdin", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli_run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, station_dir: Path):  # type: ignore[no-untyped-def]
    def go(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        return run(capsys, monkeypatch, station_dir, *argv, stdin=stdin)

    return go


def _record_id(out: str) -> str:
    return out.split("Recorded ", 1)[1].split()[0]


def test_record_from_json_then_search_show_correct_void_verify(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "r.json").write_text(json.dumps(clean_data(**{"child.given_names": "Anisa"})))
    code, out, _ = cli_run("--user", "off", "record", "--json", str(tmp_path / "r.json"), stdin=PASSWORDS["off"])
    assert code == 0, out
    rid = _record_id(out)
    code, out, _ = cli_run("--user", "off", "search", "hoxha an", stdin=PASSWORDS["off"])
    assert rid in out and "1 record(s)." in out
    code, out, err = cli_run(
        "--user",
        "sup",
        "correct",
        rid,
        "--set",
        "child.given_names=Anila",
        "--reason",
        "typed wrongly at the booth",
        stdin=PASSWORDS["sup"],
    )
    assert code == 0, err
    assert "child.given_names" in out
    code, out, _ = cli_run("--user", "sup", "show", rid, stdin=PASSWORDS["sup"])
    assert "crossing.corrected by Drita Supervisor (supervisor) — reason: typed wrongly at the booth" in out
    assert 'child.given_names: "Anisa" -> "Anila"' in out
    code, out, _ = cli_run("--user", "sup", "void", rid, "--reason", "entered twice", stdin=PASSWORDS["sup"])
    assert code == 0 and "Voided" in out
    code, out, _ = cli_run("--user", "sup", "verify", stdin=PASSWORDS["sup"])
    assert code == 0 and "3 event(s) chained without a break" in out


def test_record_from_options_and_mrz_shows_flags(cli_run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli_run(
        "--user",
        "off",
        "record",
        "--mrz",
        MRZ,
        "--direction",
        "exit",
        "--time",
        "2026-07-01T10:00",
        "--accompaniment",
        "one_parent",
        "--adult",
        "Hoxha,Arben,father",
        stdin=PASSWORDS["off"],
    )
    assert code == 0, err
    assert "Recorded" in out and "F04" in out  # one parent, no consent of the other
    code, out, _ = cli_run("--user", "off", "show", _record_id(out), "--json", stdin=PASSWORDS["off"])
    shown = json.loads(out)
    assert shown["record"]["child"]["birth_date"] == "2016-03-04"
    assert shown["record"]["document"]["mrz_checks"]["composite"] is True
    assert shown["record"]["crossing"]["transport"] == "land"  # from the station's BCP


def test_invalid_record_lists_every_problem_and_records_nothing(cli_run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli_run(
        "--user",
        "off",
        "record",
        "--direction",
        "exit",
        "--family-name",
        "Hoxha",
        "--given-names",
        "Ana",
        "--sex",
        "F",
        "--nationality",
        "ALB",
        "--birth-date",
        "2001-01-01",
        "--accompaniment",
        "alone",
        stdin=PASSWORDS["off"],
    )
    assert code == 1
    assert "child.birth_date: the person was" in err and "not a child" in err
    code, out, _ = cli_run("--user", "off", "search", "hoxha", stdin=PASSWORDS["off"])
    assert "0 record(s)." in out


def test_bad_mrz_and_bad_json_are_clear_errors(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli_run("--user", "off", "record", "--mrz", "P<ALB", stdin=PASSWORDS["off"])
    assert code == 1 and "error: The MRZ has 1 line(s) of length 5" in err
    (tmp_path / "bad.json").write_text("{ nope")
    code, _, err = cli_run("--user", "off", "record", "--json", str(tmp_path / "bad.json"), stdin=PASSWORDS["off"])
    assert code == 1 and "--json: not valid JSON (line 1, column 3)" in err
    code, _, err = cli_run("--user", "off", "record", "--set", "nonsense", stdin=PASSWORDS["off"])
    assert code == 1 and "not of the form field.path=value" in err
    code, _, err = cli_run("--user", "off", "record", "--adult", "Hoxha", stdin=PASSWORDS["off"])
    assert code == 1 and "FAMILY,GIVEN,RELATIONSHIP" in err


def test_wrong_password_missing_user_and_roles(cli_run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli_run("--user", "off", "search", "x", stdin="wrong\n")
    assert code == 1 and "Wrong password for 'off'. 4 attempt(s) left" in err
    code, _, err = cli_run("search", "x")
    assert code == 1 and "--user: say who you are" in err
    code, _, err = cli_run("--user", "off", "void", "abc", "--reason", "whatever", stdin=PASSWORDS["off"])
    assert code == 1 and "An officer may not void records" in err
    code, _, err = cli_run(
        "--user", "off", "user", "add", "x", "--full-name", "X", "--role", "officer", stdin=PASSWORDS["off"]
    )
    assert code == 1 and "may not manage station users" in err
    code, _, err = cli_run("--user", "off", "search", "x")
    assert code == 1 and "standard input ended before the password" in err


def test_user_add_passwd_disable_list(cli_run, station_dir: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli_run(
        "--user",
        "sup",
        "user",
        "add",
        "lira",
        "--full-name",
        "Lira Dako",
        "--role",
        "officer",
        "--female-at-officer",
        stdin=f"{PASSWORDS['sup']}\nlira-password\n",
    )
    assert code == 0, err
    code, _, err = cli_run(
        "--user",
        "sup",
        "user",
        "add",
        "lira",
        "--full-name",
        "L",
        "--role",
        "officer",
        stdin=f"{PASSWORDS['sup']}\nlira-password\n",
    )
    assert code == 1 and "'lira' already exists" in err
    code, _, err = cli_run("--user", "lira", "user", "passwd", stdin="lira-password\nshort\n")
    assert code == 1 and "at least 8 characters" in err
    code, out, _ = cli_run("--user", "lira", "user", "passwd", stdin="lira-password\nlira-new-password\n")
    assert code == 0 and "Password of lira changed" in out
    code, out, _ = cli_run("--user", "sup", "user", "list", stdin=PASSWORDS["sup"])
    assert "lira" in out and "female-AT-officer" in out
    code, out, _ = cli_run("--user", "sup", "user", "disable", "lira", stdin=PASSWORDS["sup"])
    assert code == 0
    code, _, err = cli_run("--user", "lira", "search", "x", stdin="lira-new-password\n")
    assert code == 1 and "disabled" in err


def test_export_writes_json_lines(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli_run(
        "--user",
        "off",
        "record",
        "--mrz",
        MRZ,
        "--direction",
        "exit",
        "--accompaniment",
        "one_parent",
        "--adult",
        "Hoxha,Arben,father",
        stdin=PASSWORDS["off"],
    )
    code, _, err = cli_run("--user", "sup", "export", "--out", str(tmp_path / "e.jsonl"), stdin=PASSWORDS["sup"])
    assert code == 0 and "1 event(s) written" in err
    [line] = (tmp_path / "e.jsonl").read_text().splitlines()
    assert json.loads(line)["type"] == "crossing.recorded"
    assert oct((tmp_path / "e.jsonl").stat().st_mode)[-3:] == "600"


def test_init_then_demo(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    code, out, err = run(
        capsys,
        monkeypatch,
        tmp_path / "st",
        "--user",
        "drita",
        "init",
        "--bcp",
        "TIA",
        "--station-name",
        "Rinas",
        "--full-name",
        "Drita Hoxha",
        stdin="drita-password\n",
    )
    assert code == 0, err
    assert "Rinas (TIA) created" in out
    code, _, err = run(
        capsys,
        monkeypatch,
        tmp_path / "st",
        "--user",
        "x",
        "init",
        "--bcp",
        "TIA",
        "--station-name",
        "Again",
        "--full-name",
        "X",
        stdin="another-password\n",
    )
    assert code == 1 and "already exists" in err
    code, out, err = run(capsys, monkeypatch, tmp_path / "demo", "demo", "--count", "40")
    assert code == 0, err
    assert "demo-officer" in out and "40 records" in out
    code, out, _ = run(
        capsys, monkeypatch, tmp_path / "demo", "--user", "demo-sup", "verify", stdin="demo-supervisor\n"
    )
    assert "40 event(s) chained" in out


@pytest.mark.slow
def test_record_survives_sigkill_right_after_the_command_reports_it(station_dir: Path) -> None:
    proc = borderapp(station_dir, "off", "record", "--json", "-", capture=True)
    assert proc.stdin and proc.stdout
    proc.stdin.write(PASSWORDS["off"] + "\n" + json.dumps(clean_data()))
    proc.stdin.close()
    line = proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)  # no clean exit: no close(), no checkpoint
    stop(proc)
    assert proc.returncode == -signal.SIGKILL
    rid = _record_id(line)
    with login(station_dir, "off") as s:
        from borderapp import services

        assert services.show(s, rid).summary.record_id == rid
        assert services.verify(s).events == 1


def test_verify_names_a_flipped_byte(cli_run, station_dir: Path) -> None:  # type: ignore[no-untyped-def]
    for _ in range(30):
        cli_run("--user", "off", "record", "--json", "-", stdin=PASSWORDS["off"] + "\n" + json.dumps(clean_data()))
    with login(station_dir, "off") as s:
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (page,) = s.conn.execute("SELECT max(rootpage) FROM sqlite_master WHERE name = 'events'").fetchone()
    # Flip one byte inside the events table's root page: the event rows live there or below it.
    path = station_dir / "station.db"
    data = bytearray(path.read_bytes())
    data[(page - 1) * 4096 + 3000] ^= 0x40
    path.write_bytes(bytes(data))
    code, _, err = cli_run("--user", "sup", "verify", stdin=PASSWORDS["sup"])
    assert code == 1
    assert f"failed its integrity check (page {page})" in err and "restore the last backup" in err


def test_overlong_user_name_is_a_clear_error(cli_run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli_run(
        "--user",
        "sup",
        "user",
        "add",
        "x" * 70,
        "--full-name",
        "X",
        "--role",
        "officer",
        stdin=f"{PASSWORDS['sup']}\nlong-enough-pw\n",
    )
    assert code == 1 and "error: username: use 2-64 letters, digits, dots, dashes or underscores" in err


def test_common_options_after_the_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`borderapp init ... --user drita` and `borderapp demo --store DIR`, as the README writes them."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("drita-password\n"))
    argv = ["init", "--bcp", "TIA", "--station-name", "Rinas", "--full-name", "Drita Hoxha"]
    code = cli.main([*argv, "--store", str(tmp_path / "st"), "--user", "drita", "--password-stdin"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Rinas (TIA) created" in out
    code = cli.main(["demo", "--store", str(tmp_path / "demo"), "--count", "5"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert f"Demo station in {tmp_path / 'demo'}" in out
    # Given before the command and not again after it: kept (the command's parser does not reset it).
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo-officer\n"))
    code = cli.main(["--store", str(tmp_path / "demo"), "--user", "demo-officer", "search", "x", "--password-stdin"])
    assert code == 0, capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo-supervisor\n"))
    code = cli.main(["--store", str(tmp_path / "demo"), "user", "list", "--user", "demo-sup", "--password-stdin"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "demo-officer" in out


def test_the_template_records_as_it_is(cli_run) -> None:  # type: ignore[no-untyped-def]
    code, template, _ = cli_run("record", "--template")
    assert code == 0
    assert template == (ROOT / "docs" / "examples" / "crossing.json").read_text(encoding="utf-8")
    code, out, err = cli_run("--user", "off", "record", "--json", "-", stdin=PASSWORDS["off"] + "\n" + template)
    assert code == 0, err
    assert "Recorded" in out and "flag(s)" not in out  # a clean crossing: one parent with the other's consent


def test_options_only_say_which_option_sets_a_missing_field(cli_run) -> None:  # type: ignore[no-untyped-def]
    child = ["--family-name", "Hoxha", "--given-names", "Ana", "--birth-date", "2015-01-01", "--sex", "F"]
    travel = ["--nationality", "ALB", "--accompaniment", "alone", "--direction", "exit"]
    argv = ["--user", "off", "record", *child, *travel]
    code, _, err = cli_run(*argv, stdin=PASSWORDS["off"])
    assert code == 1
    assert "document.number: give the document number" in err
    assert "set it with --document-number or --mrz, or --document-type none" in err
    code, out, err = cli_run(
        *argv, "--document-number", "BA1112223", "--document-state", "ALB", "--document-expiry", "2031-01-01",
        stdin=PASSWORDS["off"],
    )  # fmt: skip
    assert code == 0, err
    rid = _record_id(out)
    code, out, _ = cli_run("--user", "off", "show", rid, "--json", stdin=PASSWORDS["off"])
    document = json.loads(out)["record"]["document"]
    assert (document["number"], document["issuing_state"], document["expiry"]) == ("BA1112223", "ALB", "2031-01-01")


def test_export_into_a_missing_folder_or_onto_a_folder_is_a_clear_error(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli_run("--user", "sup", "export", "--out", str(tmp_path / "nope" / "e.jsonl"))
    assert code == 1
    assert f"error: --out: there is no folder {tmp_path / 'nope'}; create it first" in err
    code, _, err = cli_run("--user", "sup", "export", "--out", str(tmp_path))
    assert code == 1 and "is a folder; give a file name" in err
    assert "Traceback" not in err


def test_a_damaged_page_2_is_a_clear_error(cli_run, station_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Page 2 holds the station's `meta` table, the first thing read after the users: a damaged page there was
    a `database disk image is malformed` traceback."""
    with login(station_dir, "off") as s:
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (page,) = s.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'meta'").fetchone()
    path = station_dir / "station.db"
    data = bytearray(path.read_bytes())
    data[(page - 1) * 4096 + 200 : (page - 1) * 4096 + 400] = bytes(200)
    path.write_bytes(bytes(data))
    code, _, err = cli_run("--user", "off", "search", "x", stdin=PASSWORDS["off"])
    assert code == 1
    assert f"failed its integrity check (page {page})" in err and "restore the last backup" in err
    assert "Traceback" not in err and "malformed" not in err
