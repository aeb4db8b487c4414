"""Wire protocol (`protocol.py`), the station's sync client (`client.py`, `worker.py`, `cli.py`), the central
console's client (`admin.py`) and the central server (`server/`). See docs/ARCHITECTURE.md."""
