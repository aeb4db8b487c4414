"""The `borderapp` command: subcommands go to the CLI; no subcommand opens the desktop app.

Qt is imported only when the window opens, so command-line use stays quick and needs no display.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from borderapp import cli


def _open_app(store: Path, demo: bool) -> int:
    from ui.app import run

    return run(str(store), demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    from sync.cli import COMMANDS as SYNC_COMMANDS

    return cli.main(sys.argv[1:] if argv is None else argv, open_app=_open_app, extra=SYNC_COMMANDS)


if __name__ == "__main__":
    sys.exit(main())
