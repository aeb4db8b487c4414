"""The server process's one logging configuration, uvicorn's loggers included: no child data in any log line.

What could carry it, and what is done:
- an exception's traceback and message (a database error quotes the failing row; a validation error its
  input): every record that comes with an exception keeps its own message, gains the exception's type, and
  loses the traceback and the exception's text;
- an access line's URL (a query string may hold a search text): the query string is dropped, the path kept
  (paths hold only ids).
The app's own messages name fields, codes and references, never values (`sync/server/errors.py`).
"""

from __future__ import annotations

import logging
from typing import Any


class NoChildData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info:
            kind = record.exc_info[0].__name__ if record.exc_info[0] else "error"
            record.msg = f"{record.getMessage()} ({kind}; details withheld: they may quote a child's data)"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(record.args) == 5:
            client, method, path, version, status = record.args
            record.args = (client, method, str(path).split("?", 1)[0], version, status)
        return True


def config(level: str = "warning") -> dict[str, Any]:
    """For `uvicorn.run(log_config=...)` (logging.config.dictConfig): every logger through one filtered handler."""
    handler = {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["no_child_data"]}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"no_child_data": {"()": NoChildData}},
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"default": handler},
        "root": {"handlers": ["default"], "level": level.upper()},
        "loggers": {
            name: {"handlers": ["default"], "level": level.upper(), "propagate": False}
            for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "borderapp.server")
        },
    }
