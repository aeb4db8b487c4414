"""An encrypted station with one user per role, built once per test session and copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from borderapp.events import uuid7
from borderapp.store.keyslots import KdfParams
from borderapp.store.station import Session, User, create_station, open_session

FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)  # real Argon2id, test-sized
PASSWORDS = {"sup": "supervisor-pw-1", "off": "officer-pw-1", "sw": "social-pw-1"}


@pytest.fixture(scope="session")
def template_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("template") / "station"
    sup = User(id=uuid7(), username="sup", full_name="Drita Supervisor", role="supervisor", badge="S-1")
    with create_station(
        directory, bcp="KAK", station_name="Kakavijë test", supervisor=sup, password=PASSWORDS["sup"], kdf=FAST_KDF
    ) as session:
        session.add_user(
            User(id=uuid7(), username="off", full_name="Ilir Officer", role="officer", badge="O-7"), PASSWORDS["off"]
        )
        session.add_user(
            User(id=uuid7(), username="sw", full_name="Vera Social", role="social_worker"), PASSWORDS["sw"]
        )
    return directory


@pytest.fixture
def station_dir(template_station: Path, tmp_path: Path) -> Path:
    target = tmp_path / "station"
    shutil.copytree(template_station, target)
    return target


def login(directory: Path, username: str, password: str | None = None) -> Session:
    return open_session(directory, username, password or PASSWORDS[username], kdf=FAST_KDF)


@pytest.fixture
def supervisor(station_dir: Path) -> Iterator[Session]:
    with login(station_dir, "sup") as session:
        yield session


@pytest.fixture
def officer(station_dir: Path) -> Iterator[Session]:
    with login(station_dir, "off") as session:
        yield session
