# volgui — `make run` opens the app, `make test` runs every test on a private engine.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

# Debian packages: a Docker engine for the sandbox, static busybox for the sample
# image, Podman and an sshd for the several-engines tests (they start private
# ones), and what PySide6's xcb and offscreen platforms need at run time.
APT_PACKAGES := docker.io busybox-static podman openssh-server openssh-client xvfb xauth graphviz xdotool \
	libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0 \
	libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 \
	fonts-dejavu-core fonts-noto-cjk

.PHONY: run test bench lint system-deps venv bytecode clean translations update-translations

run: system-deps venv translations bytecode
	$(BIN)/volgui --sandbox-fallback

test: system-deps venv translations bytecode
	$(BIN)/python tools/with_sandbox.py -- $(BIN)/python -m pytest $(PYTEST_ARGS)

# Every bench/*.py script (but the shared population) on one sandbox engine.
BENCHES := $(filter-out bench/population.py bench/__init__.py,$(wildcard bench/*.py))

bench: system-deps venv translations bytecode
	$(BIN)/python tools/with_sandbox.py -- bash -c \
		'rc=0; for b in $(BENCHES); do echo "== $$b"; $(BIN)/python $$b || rc=1; done; exit $$rc'

lint: venv
	$(BIN)/ruff check volgui tests bench tools
	$(BIN)/mypy

# The window's translations: lrelease compiles resources/translations/*.ts to .qm
# (also done by setup.py's build_py for wheels); update-translations runs lupdate
# after strings change in volgui/ui, then translate the new entries in the .ts.
translations: venv
	$(BIN)/python tools/translations.py release

update-translations: venv
	$(BIN)/python tools/translations.py update

venv: $(VENV)/.installed

# Our modules' bytecode, written even where PYTHONDONTWRITEBYTECODE is set (pip
# compiles an installed wheel's too). Without it every start, and every volgui the
# tests run, compiles some 150 modules from source: about 0.25 s of a 0.6 s start.
bytecode: venv
	$(BIN)/python -m compileall -q volgui

$(VENV)/.installed: pyproject.toml setup.py
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
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache *.egg-info resources/translations/*.qm
