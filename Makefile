# Atrium developer commands. Everything runs from the project's .venv, which scripts/setup.sh
# creates from the committed uv.lock (uv is bootstrapped into .tools/ when not on PATH).
#
#   make setup   system packages + runtime and dev Python dependencies
#   make run     start the app (under xvfb-run when there is no display); ARGS="..." are passed on
#   make test    setup, lint, then the whole pytest suite (benchmarks at the small size)
#   make lint    ruff check, ruff format --check, mypy, import-linter
#   make bench   the benchmarks at full size, printing their figures
#   make clean   caches and build output (keeps .venv and .tools; `make distclean` removes them)
#   make package PyInstaller bundle dist/atrium/ (ONEFILE=1: dist/atrium-onefile), then checks it
#   make install-desktop    menu entry, icons, metainfo into ~/.local/share (PREFIX=DIR elsewhere)
#   make uninstall-desktop  remove exactly what install-desktop wrote (same PREFIX)
#   make translations       refresh resources/translations/*.ts from desktop/ui, compile the .qm

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
ARGS ?=
PYTEST_ARGS ?=
# Per-test timeout for `make bench` (full-size runs can exceed the suite's 300 s default).
BENCH_TIMEOUT ?= 1800

.PHONY: help setup setup-runtime run test lint bench clean distclean
.PHONY: install-desktop uninstall-desktop translations

help:
	@sed -n 's/^#   make /  make /p' Makefile

setup:
	bash scripts/setup.sh

setup-runtime:
	bash scripts/setup.sh --runtime

run: setup-runtime
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
		echo "run: no DISPLAY or WAYLAND_DISPLAY; starting Atrium on a virtual X display (xvfb-run -a)"; \
		exec xvfb-run -a $(BIN)/atrium $(ARGS); \
	else \
		exec $(BIN)/atrium $(ARGS); \
	fi

# Every checker runs even when an earlier one fails; the target fails if any did.
LINT_STEPS := \
	"$(BIN)/ruff check ." \
	"$(BIN)/ruff format --check ." \
	"$(BIN)/mypy desktop" \
	"$(BIN)/lint-imports"

lint: setup
	@failed=(); \
	for step in $(LINT_STEPS); do \
		echo "lint: $$step"; \
		$$step || failed+=("$$step"); \
	done; \
	if [ $${#failed[@]} -gt 0 ]; then \
		printf 'lint: FAILED: %s\n' "$${failed[@]}" >&2; exit 1; \
	fi; \
	echo "lint: all checks passed"

# pytest exit code 5 ("no tests collected") is a failure here, like every other non-zero code.
test: lint
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/pytest $(PYTEST_ARGS) || { \
		rc=$$?; \
		if [ $$rc -eq 5 ]; then echo "test: pytest collected no tests (exit 5): failing" >&2; fi; \
		exit $$rc; \
	}

bench: setup
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} ATRIUM_BENCH_SIZE=full $(BIN)/pytest tests/bench -s \
		--timeout=$(BENCH_TIMEOUT) $(PYTEST_ARGS)

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .import_linter_cache .hypothesis
	find . -path ./$(VENV) -prune -o -path ./.tools -prune -o \
		-type d -name __pycache__ -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) .tools

# Linux desktop integration: the .desktop entry, icons and AppStream metainfo (see packaging/linux).
PREFIX ?=
install-desktop: setup-runtime
	$(BIN)/atrium desktop install $(if $(PREFIX),--prefix "$(PREFIX)")

uninstall-desktop:
	$(BIN)/atrium desktop uninstall $(if $(PREFIX),--prefix "$(PREFIX)")

# Qt translations: lupdate collects self.tr() strings of desktop/ui into the .ts files (translated
# with pyside6-linguist), lrelease compiles them into the .qm files the app loads at start-up.
TRANSLATIONS := $(wildcard resources/translations/atrium_*.ts)
translations: setup
	$(BIN)/pyside6-lupdate -extensions py -no-obsolete -tr-function-alias tr+=_tr desktop/ui desktop/app.py -ts $(TRANSLATIONS)
	for ts in $(TRANSLATIONS); do $(BIN)/pyside6-lrelease "$$ts" -qm "$${ts%.ts}.qm"; done

# PyInstaller bundle (packaging/atrium.spec), then the frozen app is started and checked; fails if
# any check fails. Prints the size, build time and start-up next to the source run's.
ONEFILE ?=
.PHONY: package
package: setup
	$(BIN)/python packaging/build.py $(if $(filter-out 0,$(ONEFILE)),--onefile)
