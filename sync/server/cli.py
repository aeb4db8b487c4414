"""`borderapp-server`: run the central server, or manage its admins.

borderapp-server [--data DIR | --database-url URL] [--host 127.0.0.1] [--port 8443] [--tls]
borderapp-server [--data DIR | --database-url URL] admin create NAME   (password by prompt or --password-stdin)
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sync.server.errors import ApiError
from sync.server.storage import Storage, make_engine, sqlite_url


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
    ap.add_argument("--port", type=int, default=8443)
    ap.add_argument("--tls", action="store_true", help="serve HTTPS with a self-signed certificate made on first run")
    ap.add_argument("--public-url", help="the URL stations use, if not https://HOST:PORT")
    ap.add_argument("--rate-limit", type=float, default=20.0, help="requests per second per station (default 20)")
    ap.add_argument("--password-stdin", action="store_true")
    sub = ap.add_subparsers(dest="command")
    admin = sub.add_parser("admin", help="manage central admins")
    admin_sub = admin.add_subparsers(dest="admin_command", required=True)
    admin_sub.add_parser("create", help="create an admin (argon2 password)").add_argument("username")
    sub.add_parser("serve", help="run the server (the default)")
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
    if args.command == "admin":
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = getpass.getpass(f"Password for admin {args.username}: ")
            if getpass.getpass("Repeat it: ") != password:
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


def serve(storage: Storage, args: argparse.Namespace, data: Path) -> int:
    import uvicorn

    from sync.server.app import Limits, create_app
    from sync.server.tls import ensure_certificate

    scheme = "https" if args.tls else "http"
    fingerprint = None
    ssl: dict[str, str] = {}
    if args.tls:
        cert, key, fingerprint = ensure_certificate(data, args.host)
        ssl = {"ssl_certfile": str(cert), "ssl_keyfile": str(key)}
        print(f"TLS certificate {cert}\nSHA-256 fingerprint {fingerprint}", flush=True)
    public = args.public_url or f"{scheme}://{args.host}:{args.port}"
    limits = Limits(rate_per_second=args.rate_limit, burst=max(60, int(args.rate_limit * 3)))
    app = create_app(storage, server_url=public, fingerprint=fingerprint, limits=limits)
    where = storage.engine.url.render_as_string(hide_password=True)
    print(f"BorderApp central server on {public} (database {where})", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", **ssl)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
