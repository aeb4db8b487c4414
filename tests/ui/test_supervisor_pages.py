"""The supervisor's users and settings pages over a real station, offscreen."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from borderapp.errors import WrongPassword
from tests.stations import login
from tests.ui.test_records_view import signed_in_window


def test_supervisor_adds_a_user_sees_problems_and_resets_a_password(qtbot: QtBot, station_dir: Path) -> None:
    window = signed_in_window(qtbot, station_dir, "sup")
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["&New crossing", "&Records", "&Interviews", "Re&port", "S&ync", "&Users", "Se&ttings"]
    page = window.users
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    page.new()
    page.username.setText("off")
    page.full_name.setText("Lira Kola")
    page.password.setText("short")
    page.repeat.setText("short")
    page.add()
    qtbot.waitUntil(lambda: page.errors["password"].isVisible())
    assert page.errors["password"].text() == "Use at least 8 characters"
    page.username.setText("lira")
    page.role.setCurrentIndex(page.role.findData("officer"))
    page.female.setChecked(True)
    page.password.setText("lira-password")
    page.repeat.setText("lira-password")
    page.add()
    qtbot.waitUntil(lambda: page.table.rowCount() == 4)
    assert page.message.text() == "User lira added."
    row = [page.table.item(0, c).text() for c in range(6)]  # sorted by user name: lira, off, sup, sw
    assert row == ["lira", "Lira Kola", "Officer", "", "Yes", "Active"]
    page.table.selectRow(1)  # off
    assert page.username.text() == "off" and page.username.isReadOnly()
    page.password.setText("officer-new-pw")
    page.repeat.setText("officer-new-pw")
    page.set_password()
    qtbot.waitUntil(lambda: page.message.text().startswith("New password for off set"))
    try:
        login(station_dir, "off")
        raise AssertionError("the old password still opens the station")
    except WrongPassword:
        pass
    login(station_dir, "off", "officer-new-pw").close()
    page.table.selectRow(2)  # sup: the only supervisor
    page.disable()
    qtbot.waitUntil(lambda: "only supervisor" in page.message.text())


def test_settings_change_the_idle_lock_and_the_language(qtbot: QtBot, station_dir: Path) -> None:
    from ui import i18n

    window = signed_in_window(qtbot, station_dir, "sup")
    window.tabs.setCurrentWidget(window.settings)
    qtbot.waitUntil(lambda: window.settings.idle.value() == 5)
    window.settings.idle.setValue(12)
    window.settings.save()
    qtbot.waitUntil(lambda: window.idle_minutes == 12)
    assert window.settings.message.text() == "Settings saved."
    try:
        window.settings.language.setCurrentIndex(window.settings.language.findData("sq"))
        window.settings.save()
        qtbot.waitUntil(lambda: i18n.current() == "sq")
        # Rebuilt in Albanian, still signed in, on the settings tab.
        assert window.tabs.currentWidget() is window.settings
        assert window.tabs.tabText(0) != "&New crossing"
        assert (station_dir / "language").read_text().strip() == "sq"
    finally:
        i18n.install("en")


def test_the_supervisor_sees_the_station_report(qtbot: QtBot, station_dir: Path, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from borderapp import services
    from tests.factories import clean_record

    now = datetime.now(UTC)
    with login(station_dir, "off") as s:
        at = now.strftime("%Y-%m-%dT%H:%M:%SZ")
        services.record_many(s, [clean_record(**{"crossing.crossed_at": at, "travel.planned_return": None})] * 2)
    window = signed_in_window(qtbot, station_dir, "sup")
    page = window.report
    window.tabs.setCurrentWidget(page)
    page.ask()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)
    assert [page.table.item(r, 0).text() for r in range(2)] == ["Kakavijë", "All"]
    assert page.status.text().endswith("2 children, 0 flagged, 0 interviews.")
    assert page.write("csv", tmp_path / "r.csv").read_text().splitlines()[1].startswith(f"{now.year},")
    officer = signed_in_window(qtbot, station_dir, "off")
    assert "Re&port" not in [officer.tabs.tabText(i) for i in range(officer.tabs.count())]
