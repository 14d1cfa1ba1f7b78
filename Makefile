# The commands the README gives. `make run` and `make test` work on a fresh
# Debian/Ubuntu machine: missing system libraries are installed when run as
# root, and otherwise named with the exact apt-get line.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
# ldconfig lives in /sbin, which is not on every user's PATH.
LDCONFIG := $(shell command -v ldconfig 2>/dev/null || echo /sbin/ldconfig)

# Shared libraries Qt's offscreen and xcb platforms load, and the Debian packages that ship them.
QT_LIBS := libGL.so.1:libgl1 libEGL.so.1:libegl1 libxkbcommon.so.0:libxkbcommon0 \
	libfontconfig.so.1:libfontconfig1 libglib-2.0.so.0:libglib2.0-0 libdbus-1.so.3:libdbus-1-3
# What a real window on X11 (xcb) needs besides those.
XCB_LIBS := libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 \
	libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb-cursor.so.0:libxcb-cursor0 \
	libxcb-shape.so.0:libxcb-shape0
# What the display-less tests need besides Qt: pdftoppm renders exported PDFs.
TEST_TOOLS := pdftoppm:poppler-utils desktop-file-validate:desktop-file-utils \
	appstreamcli:appstream

.PHONY: run test test-slow lint format schema soak bench bundle icons install-desktop \
	uninstall-desktop check-python sysdeps window-sysdeps test-sysdeps clean

run: $(STAMP) sysdeps window-sysdeps
	$(BIN)/llmcompare-gui

test: $(STAMP) test-sysdeps lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# Long suites: ≥200 kills mid-save, mid-import and mid-migration, ≥10,000 fuzzed
# files, 100,000 slider steps, the frozen bundle, the soak tests.
test-slow: $(STAMP) $(BUNDLE_STAMP) test-sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "slow or soak" -p no:randomly $(PYTEST_ARGS)

soak: $(STAMP) test-sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m soak -p no:randomly $(PYTEST_ARGS)

# One table of every figure beside its floor, also written to docs/PERFORMANCE.md
# (BENCH_ARGS=--quick for a short run). benchmarks/bench_*.py go into more detail.
BENCH_ARGS ?=
bench: $(STAMP) test-sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Regenerates resources/models.schema.json from the data model (a test checks it is current).
schema: $(STAMP)
	$(BIN)/python -m llmcompare_gui.store.schema

# The frozen onedir bundle (dist/llmcompare-gui/) and its archive with a launcher script.
BUNDLE_STAMP := $(VENV)/.bundle-installed

bundle: $(STAMP) $(BUNDLE_STAMP) sysdeps
	$(BIN)/python packaging/build_bundle.py
	@du -sh dist/llmcompare-gui dist/llmcompare-gui-*.tar.gz

$(BUNDLE_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,bundle]"
	@touch $@

# Re-renders resources/icons/llmcompare-gui-SIZE.png from the SVG (committed).
icons: $(STAMP)
	$(BIN)/python packaging/make_icons.py

# The desktop entry, icons and AppStream metainfo into the user's XDG data folder.
install-desktop:
	$(PYTHON) packaging/install_desktop.py

uninstall-desktop:
	$(PYTHON) packaging/install_desktop.py --uninstall

$(STAMP): pyproject.toml | check-python
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
		rm -rf $(VENV); $(call install_or_explain, python3-venv); $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "llmcompare-gui needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)."; exit 1; }

sysdeps:
	@$(call need_libs,$(QT_LIBS))

window-sysdeps:
	@$(call need_libs,$(XCB_LIBS))

test-sysdeps: sysdeps
	@$(call need_tools,$(TEST_TOOLS))

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# $(call need_libs,lib:package ...) installs the packages of libraries the linker cannot find.
define need_libs
missing=""; for pair in $(1); do \
	lib=$${pair%%:*}; pkg=$${pair##*:}; \
	$(LDCONFIG) -p 2>/dev/null | grep -q "$$lib" || missing="$$missing $$pkg"; \
done; \
if [ -n "$$missing" ]; then $(call install_or_explain,$$missing); fi
endef

# $(call need_tools,command:package ...) installs the packages of missing commands.
define need_tools
missing=""; for pair in $(1); do \
	tool=$${pair%%:*}; pkg=$${pair##*:}; \
	command -v "$$tool" >/dev/null 2>&1 || missing="$$missing $$pkg"; \
done; \
if [ -n "$$missing" ]; then $(call install_or_explain,$$missing); fi
endef

define install_or_explain
if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	echo "Installing system packages:$(1)"; \
	DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(1) >/dev/null; \
else \
	echo "Missing system packages. Install them with:"; \
	echo "  sudo apt-get install$(1)"; \
	exit 1; \
fi
endef
