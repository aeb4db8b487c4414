"""A real central server on loopback (uvicorn in a thread, real sockets), and a TCP proxy that can cut
connections at chosen points, for the sync client's tests."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn
from sqlalchemy import select

from sync import protocol as p
from sync.server import schema
from sync.server.app import Limits, create_app
from sync.server.storage import Storage, make_engine
from sync.server.tls import ensure_certificate


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    storage: Storage
    url: str
    fingerprint: str | None
    admin_id: int

    def code(self, bcp: str = "KAK", fingerprint: str | None = None) -> str:
        _, token, _ = self.storage.create_enrolment(self.admin_id, bcp, 24)
        return p.EnrolmentCode(
            server_url=self.url, bcp=bcp, token=token, fingerprint=fingerprint or self.fingerprint
        ).text()


@contextlib.contextmanager
def live_server(
    directory: Path, *, tls: bool = True, port: int | None = None, rate: float = 1000.0, url: str | None = None
) -> Iterator[LiveServer]:
    """A server on loopback over `url` (default a SQLite file in `directory`, which also holds the certificate)."""
    directory.mkdir(parents=True, exist_ok=True)
    storage = Storage(make_engine(url or f"sqlite:///{directory / 'central.db'}"))
    with contextlib.suppress(Exception):
        storage.create_admin("admin", "admin-password-1")
    with storage.engine.connect() as conn:  # not by signing in: a test may have throttled that name
        admin_id = conn.execute(select(schema.admins.c.id).where(schema.admins.c.username == "admin")).scalar_one()
    port = port or free_port()
    fingerprint, ssl_files = None, {}
    if tls:
        cert, key, fingerprint = ensure_certificate(directory, "127.0.0.1")
        ssl_files = {"ssl_certfile": str(cert), "ssl_keyfile": str(key)}
    server_url = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
    app = create_app(
        storage,
        server_url=server_url,
        fingerprint=fingerprint,
        limits=Limits(rate_per_second=rate, burst=int(rate)),
    )
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", **ssl_files))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.02)
    try:
        yield LiveServer(storage, server_url, fingerprint, admin_id)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        storage.engine.dispose()


@dataclass
class CuttingProxy:
    """Forwards HTTP/1.1 over TCP to a target. For the requests numbered in `drop` (1, 2, … in the order the
    proxy sees them) it passes the request on, waits for the server's whole answer, then closes the client's
    connection without passing the answer back: the server did the work, the client never learns it.
    `delay` holds every answer this long before passing it on."""

    target_port: int
    drop: set[int] = field(default_factory=set)
    delay: float = 0.0
    port: int = field(default_factory=free_port)
    seen: int = 0

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._listener.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        with client, socket.create_connection(("127.0.0.1", self.target_port)) as upstream:
            client.settimeout(30)
            upstream.settimeout(30)
            while not self._stop.is_set():
                request = _read_message(client)
                if request is None:
                    return
                upstream.sendall(request)
                answer = _read_message(upstream)
                if answer is None:
                    return
                self.seen += 1
                if self.seen in self.drop:
                    client.shutdown(socket.SHUT_RDWR)
                    return
                if self.delay:
                    time.sleep(self.delay)
                try:
                    client.sendall(answer)
                except OSError:
                    return


def _read_message(sock: socket.socket) -> bytes | None:
    """One HTTP/1.1 message (headers and a Content-Length body), or None when the peer closed."""
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            body += chunk
    except OSError:
        return None
    return head + b"\r\n\r\n" + body
