-- luarocks --lua-version=5.4 make   (offline: builds with the Makefile)
rockspec_format = "3.0"
package = "lanman"
version = "scm-1"
source = { url = "git+file://." }
description = {
  summary = "The Windows Network Management API (NetApi) for Lua",
  detailed = [[
    NetUserEnum, NetShareEnum, NetServerGetInfo, ... from Lua 5.4, over
    Samba's libnetapi (Linux) or netapi32 (Windows).  Every NetApi buffer
    is a userdata whose __gc/__close calls NetApiBufferFree exactly once.
  ]],
  license = "GPL-3.0-or-later",
}
dependencies = { "lua >= 5.4, < 5.5" }
external_dependencies = {
  -- Debian: samba-dev, libtalloc-dev; and swig to generate the wrapper
  NETAPI = { header = "samba-4.0/netapi.h" },
}
build = {
  type = "make",
  build_target = "lua-module",
  build_variables = {
    CFLAGS = "$(CFLAGS)",
    LUA_INCDIR = "$(LUA_INCDIR)",
  },
  install_target = "lua-install",
  install_variables = {
    INST_LIBDIR = "$(LIBDIR)",
    INST_LUADIR = "$(LUADIR)",
  },
}
