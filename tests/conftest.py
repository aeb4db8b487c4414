import os

# Qt runs offscreen in tests unless a display is deliberately given (screenshots under Xvfb).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.interviews import flagged  # noqa: F401  (fixture)
from tests.stations import officer, station_dir, supervisor, template_station  # noqa: F401  (fixtures)
