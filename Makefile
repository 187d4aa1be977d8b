# volgui — `make run` opens the app, `make test` runs every test on a private engine.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

# Debian packages: a Docker engine for the sandbox, static busybox for the sample
# image, and what PySide6's xcb and offscreen platforms need at run time.
APT_PACKAGES := docker.io busybox-static xvfb xauth graphviz xdotool \
	libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0 \
	libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 \
	fonts-dejavu-core fonts-noto-cjk

.PHONY: run test bench lint system-deps venv clean

run: system-deps venv
	$(BIN)/volgui --sandbox-fallback

test: system-deps venv
	$(BIN)/python tools/with_sandbox.py -- $(BIN)/python -m pytest $(PYTEST_ARGS)

# Every bench/*.py script (but the shared population) on one sandbox engine.
BENCHES := $(filter-out bench/population.py bench/__init__.py,$(wildcard bench/*.py))

bench: system-deps venv
	$(BIN)/python tools/with_sandbox.py -- bash -c \
		'rc=0; for b in $(BENCHES); do echo "== $$b"; $(BIN)/python $$b || rc=1; done; exit $$rc'

lint: venv
	$(BIN)/ruff check volgui tests bench tools
	$(BIN)/mypy

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		if [ "$$(id -u)" != 0 ]; then echo "run as root to install: apt-get install" $$missing; exit 1; fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $$missing >/dev/null; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache *.egg-info
