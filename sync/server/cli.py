"""`borderapp-server`: run the central server, or manage its admins.

borderapp-server [--data DIR | --database-url URL] [--host 127.0.0.1] [--port 8443] [--tls]
borderapp-server [--data DIR | --database-url URL] admin create NAME   (password by prompt or --password-stdin)
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sync.protocol import is_loopback
from sync.server import logs
from sync.server.errors import ApiError
from sync.server.storage import Storage, make_engine, sqlite_url

if TYPE_CHECKING:
    from fastapi import FastAPI


def default_data() -> Path:
    env = os.environ.get("BORDERAPP_SERVER_HOME")
    return Path(env) if env else Path.home() / ".local" / "share" / "borderapp-server"


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="borderapp-server", description="BorderApp central server.")
    ap.add_argument(
        "--data",
        type=Path,
        default=None,
        help="data directory: SQLite file, TLS certificate "
        "(default $BORDERAPP_SERVER_HOME or ~/.local/share/borderapp-server)",
    )
    ap.add_argument(
        "--database-url",
        default=os.environ.get("BORDERAPP_DATABASE_URL"),
        help="PostgreSQL URL, e.g. postgresql://user@host/borderapp (default: SQLite in --data)",
    )
    ap.add_argument("--host", default="127.0.0.1", help="address to listen on (default loopback only)")
    ap.add_argument(
        "--port",
        type=int,
        default=os.environ.get("BORDERAPP_SERVER_PORT", "8443"),  # argparse applies `type` to a str default
        help="port to listen on (default $BORDERAPP_SERVER_PORT or 8443)",
    )
    ap.add_argument("--tls", action="store_true", help="serve HTTPS with a self-signed certificate made on first run")
    ap.add_argument("--public-url", help="the URL stations use, if not https://HOST:PORT")
    ap.add_argument(
        "--behind-tls-proxy",
        action="store_true",
        help="plain HTTP on a non-loopback address is allowed: a TLS-terminating reverse proxy is in front "
        "(stations then pin the proxy's certificate: give its fingerprint with --proxy-fingerprint)",
    )
    ap.add_argument(
        "--proxy-fingerprint",
        help="the SHA-256 fingerprint (hex) of the reverse proxy's certificate, for the enrolment codes",
    )
    ap.add_argument("--rate-limit", type=float, default=20.0, help="requests per second per station (default 20)")
    ap.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes (default 1); the per-station rate limit then applies per process",
    )
    ap.add_argument("--password-stdin", action="store_true")
    sub = ap.add_subparsers(dest="command")
    admin = sub.add_parser("admin", help="manage central admins")
    admin_sub = admin.add_subparsers(dest="admin_command", required=True)
    admin_sub.add_parser("create", help="create an admin (argon2 password)").add_argument("username")
    admin_sub.add_parser("disable", help="disable an admin: no more sign-ins, every token stops").add_argument(
        "username"
    )
    sub.add_parser("serve", help="run the server (the default)")
    enrol = sub.add_parser("enrolment", help="one-time enrolment codes for stations")
    enrol_sub = enrol.add_subparsers(dest="enrolment_command", required=True)
    create = enrol_sub.add_parser("create", help="a new code for a BCP: printed as text, QR code to files")
    create.add_argument("--admin", required=True, help="your admin user name (the password is asked)")
    create.add_argument("--bcp", required=True)
    create.add_argument("--hours", type=int, default=72, help="valid for this many hours (default 72)")
    create.add_argument("--qr-png", type=Path, help="write the QR code as PNG here")
    create.add_argument("--qr-svg", type=Path, help="write the QR code as SVG here")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    data = args.data or default_data()
    url = args.database_url or sqlite_url(data)
    try:
        storage = Storage(make_engine(url))
    except Exception as exc:  # a database that cannot be reached is the user's to fix: say so plainly
        print(
            f"error: cannot open the central database ({type(exc).__name__}): check --database-url or --data. "
            f"{str(exc).splitlines()[0] if str(exc) else ''}",
            file=sys.stderr,
        )
        return 1
    if args.command == "enrolment":
        return create_enrolment(storage, args, data)
    if args.command == "admin" and args.admin_command == "disable":
        try:
            storage.disable_admin(args.username)
        except ApiError as err:
            print(f"error: {err.message}", file=sys.stderr)
            return 1
        print(f"Admin {args.username} disabled; every token of theirs stopped working.")
        return 0
    if args.command == "admin":
        password = _read_password(args, f"Password for admin {args.username}: ")
        if not args.password_stdin and getpass.getpass("Repeat it: ") != password:
            print("error: the two passwords differ.", file=sys.stderr)
            return 1
        try:
            storage.create_admin(args.username, password)
        except ApiError as err:
            print(f"error: {err.message}", file=sys.stderr)
            return 1
        print(f"Admin {args.username} created.")
        return 0
    return serve(storage, args, data)


def _read_password(args: argparse.Namespace, prompt: str) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(prompt)


def public_address(args: argparse.Namespace, data: Path) -> tuple[str, str | None]:
    """(URL stations use, certificate fingerprint or None) for this server's settings."""
    fingerprint = (args.proxy_fingerprint or "").replace(":", "").lower() or None
    if args.tls:
        from sync.server.tls import ensure_certificate

        fingerprint = ensure_certificate(data, args.host)[2]
    scheme = "https" if args.tls else "http"
    return args.public_url or f"{scheme}://{args.host}:{args.port}", fingerprint


def create_enrolment(storage: Storage, args: argparse.Namespace, data: Path) -> int:
    import base64

    from sync.protocol import EnrolmentCode
    from sync.server.app import qr_codes

    try:
        admin_id = storage.admin_for(
            storage.login(args.admin, _read_password(args, f"Password for {args.admin}: ")).token
        )
        _, token, expires = storage.create_enrolment(admin_id, args.bcp, args.hours)
    except ApiError as err:
        print(f"error: {err.message}", file=sys.stderr)
        return 1
    url, fingerprint = public_address(args, data)
    code = EnrolmentCode(server_url=url, bcp=args.bcp, token=token, fingerprint=fingerprint).text()
    svg, png = qr_codes(code)
    if args.qr_svg:
        args.qr_svg.write_text(svg, encoding="utf-8")
    if args.qr_png:
        args.qr_png.write_bytes(base64.b64decode(png))
    print(f"Enrolment code for {args.bcp}, valid until {expires} (one station, once):\n{code}")
    return 0


def serve(storage: Storage, args: argparse.Namespace, data: Path) -> int:
    import uvicorn

    if not args.tls and not args.behind_tls_proxy and not is_loopback(args.host):
        print(
            f"error: refusing to serve plain HTTP on {args.host}: children's records would cross the network "
            "unencrypted. Add --tls, or --behind-tls-proxy when a TLS-terminating reverse proxy is in front.",
            file=sys.stderr,
        )
        return 1

    from sync.server.tls import ensure_certificate

    cert_file = key_file = None
    public, fingerprint = public_address(args, data)
    if args.tls:
        cert, key, _ = ensure_certificate(data, args.host)
        cert_file, key_file = str(cert), str(key)
        print(f"TLS certificate {cert}\nSHA-256 fingerprint {fingerprint}", flush=True)
    where = storage.engine.url.render_as_string(hide_password=True)
    print(f"BorderApp central server on {public} (database {where}, {args.workers} worker(s))", flush=True)
    settings = {
        "database_url": storage.engine.url.render_as_string(hide_password=False),
        "server_url": public,
        "fingerprint": fingerprint,
        "rate_per_second": args.rate_limit,
        "workers": args.workers,
    }
    storage.engine.dispose()
    if args.workers > 1:
        # Worker processes build their own app from these settings (uvicorn imports the factory by name).
        os.environ[SETTINGS_ENV] = json.dumps(settings)
        uvicorn.run(
            "sync.server.cli:app_from_environment",
            factory=True,
            workers=args.workers,
            host=args.host,
            port=args.port,
            log_level="warning",
            log_config=logs.config("warning"),
            ssl_certfile=cert_file,
            ssl_keyfile=key_file,
        )
    else:
        uvicorn.run(
            build_app(settings),
            host=args.host,
            port=args.port,
            log_level="warning",
            log_config=logs.config("warning"),
            ssl_certfile=cert_file,
            ssl_keyfile=key_file,
        )
    return 0


SETTINGS_ENV = "BORDERAPP_SERVER_SETTINGS"



def build_app(settings: dict[str, Any]) -> FastAPI:
    from sync.server.app import Limits, create_app

    rate = float(settings["rate_per_second"])
    limits = Limits(rate_per_second=rate, burst=max(60, int(rate * 3)))
    storage = Storage(make_engine(settings["database_url"]))
    app = create_app(
        storage,
        server_url=settings["server_url"],
        fingerprint=settings["fingerprint"],
        limits=limits,
    )
    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process when serving with --workers N."""
    return build_app(json.loads(os.environ[SETTINGS_ENV]))


if __name__ == "__main__":
    sys.exit(main())
