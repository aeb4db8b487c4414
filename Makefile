# Two entry points do all set-up on a fresh Debian 12 machine with Python 3.11:
#   make run    set up, then open the desktop app
#   make test   set up, then run ruff, mypy and the whole test suite (what .ci/run calls)
# make test also makes sure PostgreSQL is reachable (.ci/ensure-postgres): the server tests run on it too.
# Set-up = Debian libraries Qt needs (installed when root, else the apt-get line is printed),
# a virtual environment in .venv, and the Python packages from pyproject.toml.

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
DEBS   := xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 \
          libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0 libegl1 libgl1 \
          libfontconfig1 libdbus-1-3 fonts-dejavu-core

.PHONY: run test setup debs lint bench-store clean

run: setup
	$(VENV)/bin/borderapp $(ARGS)

test: setup
	bash .ci/ensure-postgres
	$(VENV)/bin/ruff check borderapp ui sync tests
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

setup: debs $(VENV)/.installed

debs:
	@missing=""; for p in $(DEBS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian packages Qt needs:$$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else \
	    echo "Qt needs these Debian packages. Run as root:"; \
	    echo "  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found. On Debian 12: sudo apt-get install -y python3.11 python3.11-venv (or run make PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

bench-store: setup
	$(PY) tests/bench/bench_store.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build *.egg-info
