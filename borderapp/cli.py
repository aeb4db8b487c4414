"""`borderapp` on the command line. With no subcommand the launcher opens the desktop app instead.

Exit status: 0 done; 1 a known problem (the message says what to do); 2 bad usage. Passwords are never
arguments: a prompt, or one per line on standard input with --password-stdin.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from borderapp import __version__, demo, reference, services
from borderapp.cli_input import Input, record_data, with_options
from borderapp.errors import InvalidInput, KnownError
from borderapp.models import Accompaniment, Direction, DocumentType, Outcome, Sex, Transport, describe
from borderapp.mrz import MRZError
from borderapp.store.station import Session, open_session

TEMPLATE_PATH = reference.RESOURCES / "examples" / "crossing.json"  # also docs/examples/crossing.json


def default_store() -> Path:
    env = os.environ.get("BORDERAPP_HOME")
    return Path(env) if env else Path.home() / ".local" / "share" / "borderapp" / "station"


def _choices(literal: Any) -> list[str]:
    return list(literal.__args__)


Handler = Callable[[argparse.Namespace, "Input"], None]


def _parser_with(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    """A parser class whose every instance (each command and sub-command) also takes the common options."""

    class CommandParser(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("parents", [common])
            super().__init__(*args, **kwargs)

    return CommandParser


# Subcommands other packages add (the launcher adds sync's): name -> (add arguments, handler, help).
Extra = dict[str, tuple[Callable[[argparse.ArgumentParser], None], Handler, str]]


def _global_options(parser: argparse.ArgumentParser, default: Any) -> None:
    """The options every command shares. The main parser has them with their defaults; each command's parser
    has them too with `default` = SUPPRESS, so that `borderapp init --user drita` works as well as
    `borderapp --user drita init`, and an option given before the command is not reset by the command."""

    def given(value: Any) -> Any:
        return value if default is None else default

    parser.add_argument(
        "--store",
        type=Path,
        default=given(None),
        help="station directory (default: $BORDERAPP_HOME or ~/.local/share/borderapp/station)",
    )
    parser.add_argument("--user", default=given(None), help="your user name at this station")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        default=given(False),
        help="read password(s) from standard input, one a line",
    )
    parser.add_argument("--lang", choices=reference.LANGUAGES, default=given("en"), help="language of flag texts")


def build_parser(extra: Extra | None = None) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="borderapp",
        description="Record children crossing the border, offline and "
        "encrypted. With no command, opens the desktop app. Options such as --store and --user go before "
        "or after the command.",
    )
    p.add_argument("--version", action="version", version=f"borderapp {__version__}")
    _global_options(p, None)
    p.add_argument("--demo", action="store_true", help="open the desktop app on a throwaway demo station")
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_parser_with(common))

    s = sub.add_parser("init", help="create the station and its first supervisor")
    s.add_argument("--bcp", required=True, help="border crossing point code (see `borderapp bcps`)")
    s.add_argument("--station-name", required=True)
    s.add_argument("--full-name", required=True, help="the first supervisor's full name")
    s.add_argument("--badge")

    s = sub.add_parser("user", help="station users: add, disable, passwd, list")
    us = s.add_subparsers(dest="user_command", metavar="ACTION", required=True, parser_class=_parser_with(common))
    a = us.add_parser("add", help="add a user (supervisor)")
    a.add_argument("username")
    a.add_argument("--full-name", required=True)
    a.add_argument("--role", required=True, choices=["officer", "social_worker", "supervisor"])
    a.add_argument("--badge")
    a.add_argument("--female-at-officer", action="store_true", help="female anti-trafficking officer")
    us.add_parser("disable", help="disable a user (supervisor)").add_argument("username")
    us.add_parser("passwd", help="set a new password (your own, or any user's as supervisor)").add_argument(
        "username", nargs="?"
    )
    us.add_parser("list", help="list users")

    s = sub.add_parser("record", help="record a crossing from --json and/or options")
    s.add_argument("--json", metavar="FILE", help="record data as JSON (- for standard input; see --template)")
    s.add_argument("--template", action="store_true", help="print an example crossing as JSON, to edit for --json")
    s.add_argument("--mrz", help="the MRZ lines as the reader typed them (fills the child and the document)")
    s.add_argument("--bcp")
    s.add_argument("--direction", choices=_choices(Direction))
    s.add_argument("--time", help="crossing time, e.g. 2026-07-01T10:30 (default now, local time)")
    s.add_argument("--transport", choices=_choices(Transport))
    s.add_argument("--vehicle", help="flight number, plate or vessel")
    s.add_argument("--family-name")
    s.add_argument("--given-names")
    s.add_argument("--birth-date", help="YYYY-MM-DD")
    s.add_argument("--estimated-age", type=int)
    s.add_argument("--presumed-minor", action="store_true")
    s.add_argument("--sex", choices=_choices(Sex))
    s.add_argument("--nationality", help="3-letter code, e.g. ALB")
    s.add_argument("--document-type", choices=_choices(DocumentType), help="default passport; 'none' if there is none")
    s.add_argument("--document-number")
    s.add_argument("--document-state", help="issuing state, 3-letter code")
    s.add_argument("--document-expiry", help="YYYY-MM-DD")
    s.add_argument("--accompaniment", choices=_choices(Accompaniment))
    s.add_argument("--adult", action="append", metavar="FAMILY,GIVEN,RELATIONSHIP[,DOC]")
    s.add_argument("--outcome", choices=_choices(Outcome))
    s.add_argument("--set", action="append", metavar="PATH=VALUE", help="any field, e.g. travel.paid_by=parents")

    s = sub.add_parser("search", help="find records by name prefix, document number or any name part")
    s.add_argument("text")
    s.add_argument("--limit", type=int, default=50)
    s = sub.add_parser("show", help="a record with its flags and history")
    s.add_argument("record_id")
    s.add_argument("--json", action="store_true", help="print the record and history as JSON")
    s = sub.add_parser("correct", help="correct a record (supervisor): a new event with a reason")
    s.add_argument("record_id")
    s.add_argument("--set", action="append", metavar="PATH=VALUE")
    s.add_argument("--json", metavar="FILE", help="the whole corrected record as JSON")
    s.add_argument("--reason", required=True)
    s = sub.add_parser("void", help="void a record (supervisor): a new event with a reason")
    s.add_argument("record_id")
    s.add_argument("--reason", required=True)
    sub.add_parser("verify", help="check every page, the hash chain and the crossings list")
    s = sub.add_parser("export", help="the event log as JSON lines (supervisor)")
    s.add_argument("--out", type=Path, help="file to write (default standard output)")
    s = sub.add_parser("demo", help="make a throwaway station with sample users and records")
    s.add_argument("--count", type=int, default=200)
    s.add_argument("--bcp", default="KAK")
    s.add_argument("--seed", type=int, default=2008)
    sub.add_parser("bcps", help="list border crossing points")
    for name, (configure, _, text) in (extra or {}).items():
        configure(sub.add_parser(name, help=text))
    return p


def login(args: argparse.Namespace, io: Input) -> Session:
    if not args.user:
        raise InvalidInput([("--user", "say who you are: borderapp --user NAME " + args.command + " …")])
    return open_session(args.store, args.user, io.password(f"Password for {args.user}: "))


def _print_flags(flags: Sequence[Any]) -> None:
    for f in flags:
        print(f"  {f.code} [{f.severity}] {f.title}: {f.explanation}")


def cmd_init(args: argparse.Namespace, io: Input) -> None:
    if not args.user:
        raise InvalidInput([("--user", "name the first supervisor: borderapp --user NAME init …")])
    password = io.new_password(f"New password for {args.user}: ")
    with services.create_station(
        args.store,
        bcp=args.bcp,
        station_name=args.station_name,
        username=args.user,
        full_name=args.full_name,
        badge=args.badge or "",
        password=password,
        repeat=password,
    ) as s:
        print(
            f"Station {s.station.station_name} ({s.station.bcp}) created in {args.store}; "
            f"device {s.station.device_id}. Keep station.db and station.keys together in every backup."
        )


def cmd_user(args: argparse.Namespace, io: Input) -> None:
    with login(args, io) as s:
        action = args.user_command
        if action == "list":
            services.require(s, "read" if s.user.role != "supervisor" else "users")
            for u in s.users():
                extra = " female-AT-officer" if u.female_at_officer else ""
                state = "active" if u.active else "disabled"
                print(f"{u.username:<16} {u.role:<14} {state:<9} {u.full_name} {u.badge or ''}{extra}")
            return
        target = getattr(args, "username", None) or s.user.username
        if action == "add":
            services.require(s, "users")  # before asking for a password
            password = io.new_password(f"New password for {args.username}: ")
            services.add_user(
                s,
                username=args.username,
                full_name=args.full_name,
                role=args.role,
                badge=args.badge or "",
                female_at_officer=args.female_at_officer,
                password=password,
                repeat=password,
            )
            print(f"User {args.username} ({args.role}) added.")
        elif action == "disable":
            services.disable_user(s, target)
            print(f"User {target} disabled; the password no longer opens the station.")
        elif action == "passwd":
            if target.casefold() != s.user.username.casefold():
                services.require(s, "users")
            password = io.new_password(f"New password for {target}: ")
            services.reset_password(s, target, password, password)
            print(f"Password of {target} changed.")


def cmd_record(args: argparse.Namespace, io: Input) -> None:
    if args.template:
        print(TEMPLATE_PATH.read_text(encoding="utf-8"), end="")
        return
    with login(args, io) as s:
        services.require(s, "record")
        base = io.json_document(args.json) if args.json else None
        options = vars(args).copy()
        crossing = (base or {}).get("crossing", {})
        bcp = options["bcp"] = args.bcp or crossing.get("bcp") or s.station.bcp
        station_kind = reference.bcps()[bcp].kind if bcp in reference.bcps() else None
        options["transport"] = args.transport or crossing.get("transport") or station_kind
        try:
            record = services.parse_record(record_data(options, base))
        except InvalidInput as exc:
            raise InvalidInput(with_options(exc.problems)) from None
        event = services.record_crossing(s, record)
        print(f"Recorded {event.record_id} (event {event.seq}).")
        failed = [k for k, ok in record.document.mrz_checks.items() if not ok]
        if failed:
            print(f"Warning: MRZ check digit(s) failed: {', '.join(failed)}. Check the document by hand.")
        flags = services.flags_for(s, record, args.lang)
        if flags:
            print(f"{len(flags)} flag(s): a second-line check is needed.")
            _print_flags(flags)


def _summary_line(r: Any) -> str:
    flags = ",".join(r.flags) or "-"
    void = " VOID" if r.status == "voided" else ""
    return (
        f"{r.record_id}  {r.crossed_at[:16]}  {r.bcp} {r.direction:<5}  {r.family_name}, {r.given_names}  "
        f"{r.birth_date or '?'}  {r.doc_number or '-'}  flags {flags}{void}"
    )


def cmd_search(args: argparse.Namespace, io: Input) -> None:
    with login(args, io) as s:
        results = services.search(s, args.text, args.limit)
        for r in results:
            print(_summary_line(r))
        print(f"{len(results)} record(s).")


def cmd_show(args: argparse.Namespace, io: Input) -> None:
    with login(args, io) as s:
        view = services.show(s, args.record_id, args.lang)
        if args.json:
            print(
                json.dumps(
                    {
                        "summary": view.summary.model_dump(),
                        "record": view.record.model_dump(mode="json"),
                        "history": [e.model_dump(mode="json") for e in view.history],
                    },
                    ensure_ascii=False,
                    indent=1,
                )
            )
            return
        print(_summary_line(view.summary))
        print(json.dumps(view.record.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False, indent=1))
        print(f"Flags ({len(view.flags)}):")
        _print_flags(view.flags)
        print("History:")
        for line in services.iter_history_lines(view):
            print("  " + line)


def cmd_correct(args: argparse.Namespace, io: Input) -> None:
    if not args.set and not args.json:
        raise InvalidInput([("--set", "say what to change: --set field.path=value (or --json FILE)")])
    with login(args, io) as s:
        services.require(s, "correct")
        current = services.show(s, args.record_id).record.model_dump(mode="json")
        base = io.json_document(args.json) if args.json else current
        data = record_data({"set": args.set}, base)
        event = services.correct(s, args.record_id, services.parse_record(data), args.reason)
        print(f"Corrected {args.record_id} (event {event.seq}): " + ", ".join(event.payload["changes"]))


def cmd_void(args: argparse.Namespace, io: Input) -> None:
    with login(args, io) as s:
        event = services.void(s, args.record_id, args.reason)
        print(f"Voided {args.record_id} (event {event.seq}).")


def cmd_verify(args: argparse.Namespace, io: Input) -> None:
    with login(args, io) as s:
        report = services.verify(s)
        print(
            f"OK: every page authenticated, {report.events} event(s) chained without a break, "
            f"{report.crossings} crossing(s) match the log."
        )


def cmd_export(args: argparse.Namespace, io: Input) -> None:
    if args.out and not args.out.parent.is_dir():
        raise InvalidInput([("--out", f"there is no folder {args.out.parent}; create it first or choose another")])
    if args.out and args.out.is_dir():
        raise InvalidInput(
            [("--out", f"{args.out} is a folder; give a file name, for example {args.out / 'events.jsonl'}")]
        )
    with login(args, io) as s:
        if args.out:
            try:
                # Created private: the log holds children's data.
                with os.fdopen(
                    os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8"
                ) as fh:
                    os.chmod(args.out, 0o600)  # a file that existed keeps its mode otherwise
                    count = services.export_events(s, fh)
            except OSError as exc:
                raise InvalidInput([("--out", f"cannot write {args.out}: {exc.strerror}")]) from None
            print(f"{count} event(s) written to {args.out}.", file=sys.stderr)
        else:
            count = services.export_events(s, sys.stdout)
            print(f"{count} event(s) exported.", file=sys.stderr)


def cmd_demo(args: argparse.Namespace, io: Input) -> None:
    store = args.store if args.store_given else Path(tempfile.mkdtemp(prefix="borderapp-demo-")) / "station"

    def progress(done: int, total: int) -> None:
        print(f"  {done}/{total} records", file=sys.stderr)

    users = demo.create_demo_station(store, count=args.count, bcp=args.bcp, seed=args.seed, progress=progress)
    print(f"Demo station in {store} with {args.count} records. Demo users (passwords for this demo only):")
    for username, password in users.items():
        print(f"  {username:<14} {demo.DEMO_USERS[username][1]:<14} {password}")
    print(f"Try: borderapp --store {store} --user demo-officer search hoxha")


def cmd_bcps(args: argparse.Namespace, io: Input) -> None:
    for code, bcp in reference.bcps().items():
        print(f"{code}  {bcp.kind:<4}  {bcp.name}" + (f" (border with {bcp.neighbour})" if bcp.neighbour else ""))


COMMANDS: dict[str, Handler] = {
    "init": cmd_init,
    "user": cmd_user,
    "record": cmd_record,
    "search": cmd_search,
    "show": cmd_show,
    "correct": cmd_correct,
    "void": cmd_void,
    "verify": cmd_verify,
    "export": cmd_export,
    "demo": cmd_demo,
    "bcps": cmd_bcps,
}


def main(
    argv: Sequence[str] | None = None, open_app: Callable[[Path, bool], int] | None = None, extra: Extra | None = None
) -> int:
    args = build_parser(extra).parse_args(argv)
    args.store_given = args.store is not None
    args.store = args.store or default_store()
    if args.command is None:
        if open_app is None:
            build_parser().print_help()
            return 2
        return open_app(args.store, args.demo)
    try:
        handler = COMMANDS.get(args.command) or (extra or {})[args.command][1]
        handler(args, Input(args.password_stdin))
    except (KnownError, MRZError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ValidationError as exc:  # e.g. a user name longer than allowed
        print("error: " + "; ".join(f"{path}: {text}" for path, text in describe(exc)), file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
