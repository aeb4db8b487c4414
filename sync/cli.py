"""Station commands for sync, added to `borderapp` by the launcher (borderapp itself knows no HTTP):

borderapp --user SUPERVISOR enrol CODE [--yes]   trade the central admin's code for a device credential
borderapp --user NAME sync                       one round now: push, pull alerts, heartbeat
borderapp --user NAME sync-status                backlog, oldest unsent record, last success, recent attempts
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from borderapp import services
from borderapp.cli import Extra, login
from borderapp.cli_input import Input
from borderapp.errors import InvalidInput
from borderapp.store import syncstate
from sync.client import StationSync, certificate_fingerprint


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    return f"{hours} h {minutes % 60} min" if hours < 48 else f"{hours // 24} days"


def cmd_enrol(args: argparse.Namespace, io: Input) -> None:
    with login(args, io) as session:
        services.require(session, "users")  # enrolment is the supervisor's
        sync = StationSync(session)
        code, pem = sync.check_code(args.code)
        print(f"Server:       {code.server_url}\nBCP:          {code.bcp}")
        print(f"Certificate:  {certificate_fingerprint(pem) if pem else 'none (plain HTTP: only for tests)'}")
        if not args.yes:
            if args.password_stdin or not sys.stdin.isatty():
                raise InvalidInput([("--yes", "confirm the server and BCP above with --yes")])
            if input("Enrol this station with that server? [y/N] ").strip().lower() not in ("y", "yes"):
                print("Not enrolled.")
                return
        done = sync.enrol(args.code)
        print(f"Enrolled: device {done.device_id} for {done.bcp}. Records will be sent whenever there is a connection.")


def cmd_sync(args: argparse.Namespace, io: Input) -> None:
    with login(args, io) as session:
        services.require(session, "record")
        report = StationSync(session).sync_once()
        print(
            f"Sent {report.sent} event(s): {report.acknowledged} acknowledged, {report.quarantined} quarantined by "
            f"the server; {report.reference_items} reference item(s) received; {report.backlog} left to send."
        )


def cmd_status(args: argparse.Namespace, io: Input) -> None:
    with login(args, io) as session, session.reading() as conn:
        backlog = syncstate.backlog(conn)
        server = syncstate.get(conn, "server_url")
        print(f"Server:          {server or 'not enrolled'}")
        print(f"Not yet sent:    {backlog.count} event(s), oldest {_age(backlog.oldest_age_s(datetime.now(UTC)))}")
        print(f"Last success:    {syncstate.get(conn, 'last_success') or 'never'}")
        print(f"Last error:      {syncstate.get(conn, 'last_error') or '-'}")
        rows = conn.execute("SELECT at, outcome, message FROM sync_log ORDER BY id DESC LIMIT ?", (args.last,))
        for at, outcome, message in rows:
            print(f"  {at[:19]}  {outcome:<8} {message}")


def _enrol_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="the code from the central admin (text, or typed by a 2D scanner)")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def _status_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--last", type=int, default=10, help="how many attempts to list")


COMMANDS: Extra = {
    "enrol": (_enrol_arguments, cmd_enrol, "enrol this station with the central server (supervisor)"),
    "sync": (_no_arguments, cmd_sync, "send unsent records to the central server now"),
    "sync-status": (_status_arguments, cmd_status, "what is not yet sent, and the last sync attempts"),
}
