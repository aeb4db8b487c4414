import os
import tempfile

# Qt runs offscreen in tests unless a display is deliberately given (screenshots under Xvfb).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests' own plain-HTTP servers on loopback are allowed (sync/client.py transport_problem); the tests of the
# refusal take this away.
os.environ["BORDERAPP_DEV_PLAIN_HTTP"] = "1"
# The console's confirmed certificates (sync/admin.py Pins) go to a file of this test run, not the user's.
os.environ["BORDERAPP_CONSOLE_PINS"] = os.path.join(tempfile.mkdtemp(prefix="borderapp-pins-"), "pins.json")

from tests.interviews import flagged  # noqa: F401  (fixture)
from tests.stations import officer, station_dir, supervisor, template_station  # noqa: F401  (fixtures)
