# lanman -- build, test and demo.  `make demo` and `make test` are the two
# commands in the README; both install what is missing (Debian packages)
# and need root for the test DC's network namespace.

PKGS        := netapi talloc
CC          ?= cc
CFLAGS      ?= -O2 -g
WARN        := -std=c11 -Wall -Wextra -Werror
PKG_CFLAGS  := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# Samba's SAMR/LSA clients, for what libnetapi lacks (csrc/samr_*.c):
# linked only; their cflags (-D_GNU_SOURCE=1) would clash with files that
# define _GNU_SOURCE themselves, so samr_*.c set them in the source.
RPC_PKGS    := dcerpc ndr_standard samba-credentials samba-hostconfig
# NetUserChangePassword's crypto (RC4, DES, MD4; csrc/samr_user.c)
RPC_PKGS    += nettle
PKG_LIBS    := $(shell pkg-config --libs $(PKGS) $(RPC_PKGS) 2>/dev/null)
LUA_VERSION := 5.4
LUA_INCDIR  ?= /usr/include/lua$(LUA_VERSION)
SWIG        ?= swig
BUILD       ?= build

CORE_SRC := $(wildcard csrc/*.c)
CORE_OBJ := $(patsubst csrc/%.c,$(BUILD)/core/%.o,$(CORE_SRC))
SWIG_SRC := swig/lanman.i $(wildcard swig/*/*.i)

.PHONY: all core lua-module lua-install python lua-rock c-tests windows-test build-all \
        clean deps test demo \
        test-c test-python test-lua dc-start dc-stop

all: core lua-module

core: $(BUILD)/liblanman.a

$(BUILD)/core/%.o: csrc/%.c csrc/*.h csrc/*.inc
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -fPIC $(PKG_CFLAGS) -c $< -o $@

$(BUILD)/liblanman.a: $(CORE_OBJ)
	ar rcs $@ $^

# ---- Lua module (also what luarocks' "make" build type runs) ----
$(BUILD)/lua/lanman_core_wrap.c: $(SWIG_SRC) csrc/lanman.h
	@mkdir -p $(dir $@)
	$(SWIG) -lua -Icsrc -Iswig -o $@ swig/lanman.i

# The wrapper is generated code: warnings there are SWIG's, not ours.
$(BUILD)/lua/lanman_core.so: $(BUILD)/lua/lanman_core_wrap.c $(BUILD)/liblanman.a
	$(CC) -shared -fPIC $(CFLAGS) -Icsrc -I$(LUA_INCDIR) $(PKG_CFLAGS) \
	    $< $(BUILD)/liblanman.a $(PKG_LIBS) -o $@

lua-module: $(BUILD)/lua/lanman_core.so

INST_LIBDIR ?= /usr/local/lib/lua/$(LUA_VERSION)
INST_LUADIR ?= /usr/local/share/lua/$(LUA_VERSION)
lua-install: lua-module
	install -d $(INST_LIBDIR) $(INST_LUADIR)
	install -m 0755 $(BUILD)/lua/lanman_core.so $(INST_LIBDIR)/
	install -d $(INST_LUADIR)/lanman
	install -m 0644 lua/lanman.lua $(INST_LUADIR)/
	install -m 0644 lua/lanman/*.lua $(INST_LUADIR)/lanman/

clean:
	rm -rf $(BUILD) *.egg-info python/*.egg-info

-include mk/test.mk
-include mk/reliability.mk
