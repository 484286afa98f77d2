# Set-up, tests and demo.  Included by the Makefile.

VENV      ?= .venv
VPY       := $(VENV)/bin/python
LUA_TREE  ?= .luarocks
SYS_PY    := /usr/bin/python3   # Debian's: has pytest; a pyenv python3 may not

deps:
	tools/install-deps

$(VPY):
	$(SYS_PY) -m venv --system-site-packages $(VENV)

python: $(VPY) core
	LANMAN_BUILD_DIR=$(BUILD)/python $(VPY) -m pip install -q --no-build-isolation --no-deps --no-index .

lua-rock: core
	BUILD=$(BUILD) luarocks --lua-version=$(LUA_VERSION) --tree $(LUA_TREE) make lanman-scm-1.rockspec

$(BUILD)/tests/test_core: tests/c/test_core.c $(BUILD)/liblanman.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -Icsrc $< $(BUILD)/liblanman.a $(PKG_LIBS) -lpthread -o $@

c-tests: $(BUILD)/tests/test_core

build-all: core python lua-rock c-tests

# The two README commands.  Both start a throwaway Samba DC in its own
# network namespace (root needed) and stop it again.
test: deps
	$(MAKE) build-all
	BUILD=$(BUILD) VENV=$(VENV) LUA_TREE=$(LUA_TREE) tests/run-all

demo: deps
	$(MAKE) build-all
	examples/run-demo
