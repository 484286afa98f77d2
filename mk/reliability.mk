# Reliability checks (see SECURITY.md and the README's reliability section).
# Included by the Makefile.
#
#   make asan-test   the C, Python and Lua suites against a build of the core
#                    and both extensions with AddressSanitizer and UBSan,
#                    interpreters started with the ASan runtime preloaded
#   make fuzz        the libFuzzer targets (clang), FUZZ_SECONDS each, on the
#                    committed seed corpus; crashes are kept in fuzz/crashes/
#   make soak        SOAK_CALLS mixed calls in one process (RSS, live buffers)

SAN_BUILD  ?= $(BUILD)-asan
SAN_VENV   ?= $(VENV)-asan
SAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=undefined
SAN_LIBS    = $(shell $(CC) -print-file-name=libasan.so):$(shell $(CC) -print-file-name=libubsan.so)

.PHONY: asan-build asan-test asan-ci fuzz-build fuzz soak

# The core, the Lua module and the C suite with the sanitizers linked in;
# the Python extension through setup.py (CFLAGS/LDFLAGS reach it).  The
# sanitizer venv's python3 is then a tests/san-wrap script: the runtimes
# preloaded into it and into every lanman interpreter it starts (the CLI,
# examples, child interpreters), never into Samba's tools (the venv holds a
# plain symlink again while pip runs).
asan-build:
	$(MAKE) BUILD=$(SAN_BUILD) CFLAGS="$(SAN_CFLAGS)" core lua-module c-tests
	if [ -d $(SAN_VENV)/bin ]; then ln -sfn $(strip $(SYS_PY)) $(SAN_VENV)/bin/python3; fi
	$(MAKE) BUILD=$(SAN_BUILD) VENV=$(SAN_VENV) CFLAGS="$(SAN_CFLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined" python
	tests/san-wrap $(SAN_VENV)/bin/python3 $(strip $(SYS_PY)) "$(SAN_LIBS)"

# tests/run-all reads LANMAN_SANITIZE: the C suite runs without valgrind
# (the two cannot share a process), Python from the sanitizer venv, Lua
# through a san-wrap'ed lua5.4 loading the module from $(SAN_BUILD)/lua.
asan-test: asan-build
	LANMAN_SANITIZE="$(SAN_LIBS)" BUILD=$(SAN_BUILD) VENV=$(SAN_VENV) \
	    LUA_TREE=$(LUA_TREE) tests/run-all

# What CI runs (.ci/run): all three suites under ASan+UBSan, the C suite
# with leak checking too.
asan-ci: asan-test

# ---- libFuzzer ----
FUZZ_CC      ?= clang
FUZZ_BUILD   ?= $(BUILD)-fuzz
FUZZ_SECONDS ?= 20
FUZZ_FLAGS   := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_TARGETS := record input
# The core without the platform shims' wire calls is not separable (the
# level tables reach libnetapi's structs), so the targets link the whole
# core and libnetapi, and never call the wire.
FUZZ_CORE    := $(filter-out csrc/shim_windows%,$(CORE_SRC))

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/feed.h $(FUZZ_CORE) csrc/*.h csrc/*.inc
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -std=c11 -Icsrc $(PKG_CFLAGS) $< $(FUZZ_CORE) \
	    $(PKG_LIBS) -lpthread -o $@

fuzz-build: $(addprefix $(FUZZ_BUILD)/fuzz_,$(FUZZ_TARGETS))

# Each target for FUZZ_SECONDS on a copy of its committed corpus (new
# inputs stay out of the tree); crashes go to fuzz/crashes/ -- fix the bug,
# then commit the input under fuzz/corpus/<target>/ as a regression seed.
fuzz: fuzz-build
	@set -e; for t in $(FUZZ_TARGETS); do \
	    work=$$(mktemp -d /tmp/lanman-fuzz-$$t.XXXXXX); \
	    cp fuzz/corpus/$$t/* $$work/; mkdir -p fuzz/crashes; \
	    echo "==== fuzz $$t: $(FUZZ_SECONDS) s ===="; \
	    $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	        -artifact_prefix=fuzz/crashes/$$t- -print_final_stats=1 \
	        $$work 2>&1 | grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY)' \
	        || true; \
	    rm -rf $$work; \
	    if ls fuzz/crashes/$$t-* >/dev/null 2>&1; then echo "fuzz $$t: crash kept in fuzz/crashes/"; exit 1; fi; \
	done
	@echo "fuzz: no crash"

# ---- soak ----
SOAK_CALLS ?= 100000
soak: python
	LANMAN_SOAK_CALLS=$(SOAK_CALLS) BUILD=$(BUILD) VENV=$(VENV) LUA_TREE=$(LUA_TREE) \
	    LANMAN_PYTEST_ARGS="tests/python/test_soak.py" tests/run-all python
