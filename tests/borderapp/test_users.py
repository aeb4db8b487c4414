"""Station users as the supervisor manages them (CLI and app share these services), on a real station."""

from __future__ import annotations

from pathlib import Path

import pytest

from borderapp import services
from borderapp.errors import InvalidInput, PermissionDenied, StationExists, UserDisabled, WrongPassword
from tests.stations import FAST_KDF, PASSWORDS, login


def problems(exc: pytest.ExceptionInfo[InvalidInput]) -> dict[str, str]:
    return dict(exc.value.problems)


def test_first_run_reports_every_problem_at_once_then_creates_the_station(tmp_path: Path) -> None:
    target = tmp_path / "station"
    with pytest.raises(InvalidInput) as exc:
        services.create_station(
            target, bcp="XXX", station_name=" ", username="a b", full_name="", password="short", repeat="short"
        )
    assert set(problems(exc)) == {"bcp", "station_name", "username", "full_name", "password"}
    assert not target.exists()
    with pytest.raises(InvalidInput) as exc:
        services.create_station(
            target,
            bcp="KAK",
            station_name="K",
            username="drita",
            full_name="Drita H",
            password="long-enough",
            repeat="long-enougH",
        )
    assert problems(exc) == {"password_repeat": "the two passwords differ; type the same one twice"}
    with services.create_station(
        target,
        bcp="KAK",
        station_name="Kakavijë 2",
        username="drita",
        full_name=" Drita  Hoxha ",
        female_at_officer=True,
        password="long-enough",
        repeat="long-enough",
        kdf=FAST_KDF,
    ) as s:
        assert s.user.role == "supervisor" and s.user.full_name == "Drita Hoxha" and s.user.female_at_officer
        assert s.station.station_name == "Kakavijë 2"
    with pytest.raises(StationExists):
        services.create_station(
            target, bcp="KAK", station_name="K", username="x", full_name="X", password="p", repeat="p"
        )


def test_add_update_disable_and_reset(station_dir: Path) -> None:
    with login(station_dir, "sup") as s:
        with pytest.raises(InvalidInput) as exc:
            services.add_user(
                s, username="off", full_name="Again", role="officer", password="12345678", repeat="12345678"
            )
        assert "already exists" in problems(exc)["username"]
        with pytest.raises(InvalidInput) as exc:
            services.add_user(s, username="lira", full_name="Lira", role="pilot", password="1234", repeat="1234")
        assert set(problems(exc)) == {"role", "password"}
        services.add_user(
            s,
            username="lira",
            full_name="Lira Kola",
            role="officer",
            badge="A-9",
            female_at_officer=True,
            password="lira-pw-123",
            repeat="lira-pw-123",
        )
        user = services.update_user(s, "lira", full_name="Lira Kola", role="supervisor", female_at_officer=True)
        assert user.role == "supervisor" and user.badge is None
        services.reset_password(s, "off", "new-officer-pw", "new-officer-pw")
    with pytest.raises(WrongPassword):
        login(station_dir, "off")
    with login(station_dir, "off", "new-officer-pw") as s:
        with pytest.raises(PermissionDenied, match="may not manage station users"):
            services.reset_password(s, "sw", "whatever-123", "whatever-123")
        services.reset_password(s, "off", "own-new-pw-1", "own-new-pw-1")  # one's own is allowed
    with login(station_dir, "lira", "lira-pw-123") as s:
        services.disable_user(s, "off")
        with pytest.raises(InvalidInput, match="already disabled"):
            services.disable_user(s, "off")
        with pytest.raises(InvalidInput, match="is disabled"):
            services.reset_password(s, "off", "again-pw-12", "again-pw-12")
    with pytest.raises(UserDisabled):
        login(station_dir, "off", "own-new-pw-1")


def test_the_last_supervisor_stays(station_dir: Path) -> None:
    with login(station_dir, "sup") as s:
        with pytest.raises(InvalidInput, match="only supervisor"):
            services.disable_user(s, "sup")
        with pytest.raises(InvalidInput, match="only supervisor"):
            services.update_user(s, "sup", full_name="Drita", role="officer")
        with pytest.raises(InvalidInput, match="no user 'nobody'"):
            services.disable_user(s, "nobody")
        assert [u.username for u in services.list_users(s)] == ["off", "sup", "sw"]
    with login(station_dir, "sw", PASSWORDS["sw"]) as s, pytest.raises(PermissionDenied):
        services.list_users(s)
