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

C_TESTS := test_core test_secrets

$(BUILD)/tests/%: tests/c/%.c tests/include/*.h $(BUILD)/liblanman.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(TEST_CFLAGS_$*) -Icsrc -Itests/include $< $(BUILD)/liblanman.a \
	    $(PKG_LIBS) -lpthread -o $@

# test_secrets always runs under AddressSanitizer: its quarantine keeps
# freed blocks, so the search for passwords sees every copy ever freed
# unwiped, and it names where each was allocated (tests/c/test_secrets.c).
TEST_CFLAGS_test_secrets := -fsanitize=address -fno-omit-frame-pointer

c-tests: $(addprefix $(BUILD)/tests/,$(C_TESTS))

# The core on Windows: netapi32 through mingw-w64, run under Wine.
MINGW_CC ?= x86_64-w64-mingw32-gcc
WINE     ?= wine
$(BUILD)/windows/test_windows.exe: $(CORE_SRC) csrc/*.h csrc/*.inc tests/windows/test_windows.c
	@mkdir -p $(dir $@)
	$(MINGW_CC) $(WARN) -O2 -Icsrc -Itests/include $(CORE_SRC) tests/windows/test_windows.c \
	    -lnetapi32 -lmpr -o $@

windows-test: $(BUILD)/windows/test_windows.exe
	WINEPREFIX=$(abspath $(BUILD))/wineprefix WINEDEBUG=-all $(WINE) $<

build-all: core python lua-rock c-tests

# The two README commands.  Both start a throwaway Samba DC in its own
# network namespace (root needed) and stop it again.
test: deps
	$(MAKE) build-all
	BUILD=$(BUILD) VENV=$(VENV) LUA_TREE=$(LUA_TREE) tests/run-all
	$(MAKE) windows-test

demo: deps
	$(MAKE) build-all
	examples/run-demo
