"""Generated requests from the OpenAPI schema: no input may make the server fail with a 5xx.

The app is built at import time because schemathesis reads the schema while pytest collects
(`schemathesis.pytest.from_fixture` does not work with pytest 9 yet).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from sync import protocol as p
from sync.server.app import Limits, create_app
from sync.server.storage import Storage, make_engine

_work = Path(tempfile.mkdtemp(prefix="borderapp-fuzz-"))
atexit.register(shutil.rmtree, _work, True)
_storage = Storage(make_engine(f"sqlite:///{_work / 'central.db'}"))
_storage.create_admin("admin", "admin-password-1")
_admin_token = _storage.login("admin", "admin-password-1").token
_, _enrol_token, _ = _storage.create_enrolment(_storage.admin_for(_admin_token), "KAK", 24)
_device = _storage.enrol(p.EnrolRequest(token=_enrol_token, device_id="fuzz-device", station_name="Fuzz"))
ADMIN = {"Authorization": f"Bearer {_admin_token}"}
DEVICE = {"Authorization": f"Bearer {_device.credential}"}
app = create_app(_storage, server_url="http://127.0.0.1:1", limits=Limits(rate_per_second=10_000, burst=10_000))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_server_fail(case: schemathesis.Case) -> None:  # type: ignore[name-defined]
    case.call_and_validate(headers=ADMIN if "/admin/" in case.path else DEVICE, checks=[not_a_server_error])
