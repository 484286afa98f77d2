-- The NetApi buffer as a Lua 5.4 full userdata: metatable, length, 1-based
-- records, <close>, __gc, explicit free, use after free, raw NetApiBuffer*
-- memory -- all counted by lanman.buffer_stats() against the real DC.
local helper = require "helper"
local lanman = helper.lanman
local server = helper.server

-- A fresh small buffer from the DC.
local function server_info(level)
  local buf, msg = lanman.NetServerGetInfo(server, level or 101)
  assert.is_not_nil(buf, msg)
  return buf
end

-- Stats after two full collections, so no earlier garbage is finalised
-- while a test counts.
local function settled_stats()
  collectgarbage("collect")
  collectgarbage("collect")
  return lanman.buffer_stats()
end

describe("NetApi buffer userdata", function()
  local base

  setup(function()
    base = helper.live()
  end)

  teardown(function()
    helper.assert_live_baseline(base)
  end)

  it("is a full userdata whose metatable has __gc, __close, __len and __index", function()
    local buf = server_info(101)
    assert.are.equal("userdata", type(buf))
    local mt = getmetatable(buf)
    assert.is_table(mt)
    for _, name in ipairs { "__gc", "__close", "__len", "__index", "__tostring" } do
      assert.are.equal("function", type(mt[name]), name)
    end
    assert.are.equal("lanman.NetApiBuffer", mt.__name)
    -- every buffer shares the one metatable
    local other = server_info(100)
    assert.are.equal(mt, getmetatable(other))
    buf:free()
    other:free()
  end)

  it("has methods free, records, level and is_freed behind __index", function()
    local buf = server_info(101)
    for _, name in ipairs { "free", "records", "level", "is_freed" } do
      assert.are.equal("function", type(buf[name]), name)
    end
    assert.is_nil(buf.no_such_method)
    local family, level = buf:level()
    assert.are.equal("SERVER_INFO", family)
    assert.are.equal(101, level)
    assert.is_false(buf:is_freed())
    buf:free()
  end)

  it("has #buf records, buf[i] 1-based tables and nil past either end", function()
    local buf, total, resume = lanman.NetUserEnum(server, 0)
    assert.is_not_nil(buf, total)
    assert.are.equal(0, resume)
    local n = #buf
    assert.are.equal("integer", math.type(n))
    assert.is_true(n >= #helper.seeded_users, "only " .. n .. " users")
    assert.is_table(buf[1])
    assert.is_string(buf[1].name)
    assert.is_table(buf[n])
    assert.is_nil(buf[n + 1])
    assert.is_nil(buf[0])
    assert.is_nil(buf[-1])
    assert.is_nil(buf[math.maxinteger])
    -- a non-integer index is an argument error, not a crash
    assert.is_false(pcall(function() return buf[1.5] end))
    assert.is_false(pcall(function() return buf[true] end))
    -- records() is the same list as buf[1..n], as fresh tables
    local records = buf:records()
    assert.are.equal(n, #records)
    for i = 1, n do
      assert.are.same(buf[i], records[i])
    end
    assert.are_not.equal(buf[1], buf[1])   -- a new table each time
    buf:free()
  end)

  it("gives each record exactly the fields of its level, as Lua values", function()
    local buf = server_info(102)
    local rec = buf[1]
    assert.are.same(helper.keys(helper.set(lanman.level_fields("SERVER_INFO", 102))),
                    helper.keys(rec))
    assert.are.equal("integer", math.type(rec.platform_id))
    assert.are.equal("integer", math.type(rec.users))
    assert.is_string(rec.name)
    buf:free()
  end)

  it("tostring names the struct and the record count, then says freed", function()
    local buf = server_info(101)
    assert.are.equal("lanman.NetApiBuffer (SERVER_INFO_101, 1 records)", tostring(buf))
    buf:free()
    assert.are.equal("lanman.NetApiBuffer (freed)", tostring(buf))
    local users = assert(lanman.NetUserEnum(server, 20))
    assert.are.equal(("lanman.NetApiBuffer (USER_INFO_20, %d records)"):format(#users),
                     tostring(users))
    users:free()
  end)

  it("frees at the end of the scope of a <close> variable", function()
    local before = settled_stats()
    local outer
    do
      local buf <close> = server_info(101)
      outer = buf
      assert.is_false(buf:is_freed())
      assert.are.equal(before.allocated + 1, lanman.buffer_stats().allocated)
      assert.are.equal(before.freed, lanman.buffer_stats().freed)
      assert.are.equal(before.live + 1, lanman.buffer_stats().live)
    end
    local after = lanman.buffer_stats()   -- no collection in between
    assert.are.equal(before.freed + 1, after.freed)
    assert.are.equal(before.live, after.live)
    assert.is_true(outer:is_freed())
    -- the userdata itself is still referenced: collecting it later must not
    -- free the NetApi memory a second time
    outer = nil   -- luacheck: ignore
    local collected = settled_stats()
    assert.are.equal(after.freed, collected.freed)
    assert.are.equal(after.allocated, collected.allocated)
  end)

  it("frees a <close> buffer when the scope is left by an error", function()
    local before = settled_stats()
    local ok, err = pcall(function()
      local buf <close> = server_info(100)
      assert.is_false(buf:is_freed())
      error("leaving the scope with an error", 0)
    end)
    assert.is_false(ok)
    assert.are.equal("leaving the scope with an error", err)
    local after = lanman.buffer_stats()
    assert.are.equal(before.freed + 1, after.freed)
    assert.are.equal(before.live, after.live)
  end)

  it("does not free twice when a <close> buffer was freed explicitly", function()
    local before = settled_stats()
    do
      local buf <close> = server_info(100)
      buf:free()
      assert.are.equal(before.freed + 1, lanman.buffer_stats().freed)
    end
    assert.are.equal(before.freed + 1, lanman.buffer_stats().freed)
    assert.are.equal(before.live, lanman.buffer_stats().live)
  end)

  it("is freed by the garbage collector once no reference is left", function()
    local before = settled_stats()
    local buf = server_info(101)
    assert.are.equal(before.live + 1, lanman.buffer_stats().live)
    assert.are.equal(before.freed, lanman.buffer_stats().freed)
    buf = nil   -- luacheck: ignore
    collectgarbage()
    collectgarbage()
    local after = lanman.buffer_stats()
    assert.are.equal(before.allocated + 1, after.allocated)
    assert.are.equal(before.freed + 1, after.freed)
    assert.are.equal(before.live, after.live)
  end)

  it("collects hundreds of dropped buffers, each freed exactly once", function()
    local before = settled_stats()
    for _ = 1, 200 do
      local buf = server_info(100)
      assert.are.equal(1, #buf)
    end
    local after = settled_stats()
    assert.are.equal(before.allocated + 200, after.allocated)
    assert.are.equal(before.freed + 200, after.freed)
    assert.are.equal(before.live, after.live)
  end)

  it("raises on a second free, and counts only one", function()
    local before = settled_stats()
    local buf = server_info(101)
    buf:free()
    assert.is_true(buf:is_freed())
    helper.raises({ "already freed" }, buf.free, buf)
    helper.raises({ "already freed" }, lanman.NetApiBufferFree, buf)
    local after = lanman.buffer_stats()
    assert.are.equal(before.freed + 1, after.freed)
    assert.are.equal(before.live, after.live)
  end)

  it("raises a clean error for #buf, buf[i] and records() after free", function()
    local buf = server_info(101)
    local n = #buf
    buf:free()
    -- repeatedly: a dangling pointer would show up as a crash or garbage
    for _ = 1, 50 do
      local ok, err = pcall(function() return #buf end)
      assert.is_false(ok)
      assert.matches("freed", err)
      ok, err = pcall(function() return buf[1] end)
      assert.is_false(ok)
      assert.matches("freed", err)
      ok, err = pcall(function() return buf[n + 1] end)
      assert.is_false(ok)
      assert.matches("freed", err)
      ok, err = pcall(buf.records, buf)
      assert.is_false(ok)
      assert.matches("freed", err)
    end
    -- what does not touch the NetApi memory still answers
    assert.is_true(buf:is_freed())
    assert.are.same({ "SERVER_INFO", 101 }, { buf:level() })
    assert.are.equal("function", type(buf.free))
  end)

  it("keeps records valid after the buffer is freed and collected", function()
    local buf = assert(lanman.NetUserEnum(server, 2))
    local first = buf[1]
    local all = buf:records()
    -- a deep copy made while the buffer is alive, to compare with later
    local snapshot = {}
    for i, r in ipairs(all) do
      snapshot[i] = {}
      for k, v in pairs(r) do snapshot[i][k] = v end
    end
    buf:free()
    buf = nil   -- luacheck: ignore
    collectgarbage()
    collectgarbage()
    -- churn the allocator so freed memory is reused
    for _ = 1, 20 do server_info(102) end
    collectgarbage()
    assert.are.same(snapshot[1], first)
    assert.are.same(snapshot, all)
    local alice
    for _, r in ipairs(all) do if r.name == "alice" then alice = r end end
    assert.is_table(alice)
    assert.are.equal("Alice Adams", alice.full_name)
    assert.are.equal("lanman test user", alice.comment)
  end)

  it("buffer_stats() reports integers with live = allocated - freed", function()
    local s = lanman.buffer_stats()
    for _, k in ipairs { "allocated", "freed", "live" } do
      assert.are.equal("integer", math.type(s[k]), k)
    end
    assert.are.equal(s.allocated - s.freed, s.live)
    assert.is_true(s.allocated >= s.freed)
  end)

  describe("NetApiBufferAllocate, Size, Reallocate and Free", function()
    it("allocate, size, reallocate and free keep the counters balanced", function()
      local before = settled_stats()
      local buf, msg = lanman.NetApiBufferAllocate(100)
      assert.is_not_nil(buf, msg)
      assert.are.equal("userdata", type(buf))
      assert.are.equal(getmetatable(server_info(100)), getmetatable(buf))
      local mid = lanman.buffer_stats()
      assert.are.equal(before.allocated + 2, mid.allocated)   -- 100 and the GetInfo
      assert.are.equal("lanman.NetApiBuffer (raw, 0 records)", tostring(buf))
      assert.are.equal(0, #buf)
      assert.is_nil(buf:level())
      -- raw memory has no records
      helper.raises({ "no records" }, function() return buf[1] end)

      local size = lanman.NetApiBufferSize(buf)
      assert.are.equal(100, size)
      assert.are.equal("integer", math.type(size))

      assert.is_true(lanman.NetApiBufferReallocate(buf, 4000))
      assert.are.equal(4000, lanman.NetApiBufferSize(buf))
      assert.is_true(lanman.NetApiBufferReallocate(buf, 16))
      assert.are.equal(16, lanman.NetApiBufferSize(buf))
      -- reallocating is not a new buffer
      assert.are.equal(mid.allocated, lanman.buffer_stats().allocated)

      assert.is_true(lanman.NetApiBufferFree(buf))
      assert.is_true(buf:is_freed())
      helper.raises({ "already freed" }, lanman.NetApiBufferFree, buf)
      helper.raises({ "NetApiBufferSize", "already freed" }, lanman.NetApiBufferSize, buf)
      helper.raises({ "NetApiBufferReallocate", "already freed" },
                    lanman.NetApiBufferReallocate, buf, 10)

      local after = settled_stats()
      assert.are.equal(before.allocated + 2, after.allocated)
      assert.are.equal(before.freed + 2, after.freed)
      assert.are.equal(before.live, after.live)
    end)

    it("handles a zero-byte allocation that grows later", function()
      local before = settled_stats()
      local buf = assert(lanman.NetApiBufferAllocate(0))
      assert.are.equal(0, lanman.NetApiBufferSize(buf))
      assert.is_true(lanman.NetApiBufferReallocate(buf, 10))
      assert.are.equal(10, lanman.NetApiBufferSize(buf))
      buf:free()
      local after = lanman.buffer_stats()
      assert.are.equal(before.allocated + 1, after.allocated)
      assert.are.equal(before.freed + 1, after.freed)
    end)

    it("answers NetApiBufferSize for a buffer of records", function()
      local buf = server_info(101)
      local size = lanman.NetApiBufferSize(buf)
      assert.are.equal("integer", math.type(size))
      assert.is_true(size > 0)
      buf:free()
    end)

    it("refuses to reallocate a buffer of records", function()
      local buf = server_info(101)
      helper.raises({ "NetApiBufferReallocate", "SERVER_INFO_101" },
                    lanman.NetApiBufferReallocate, buf, 10)
      -- still intact
      assert.is_string(buf[1].name)
      buf:free()
    end)

    it("raises on bad sizes and non-buffers", function()
      helper.raises({ "'size'" }, lanman.NetApiBufferAllocate, -1)
      helper.raises({ "'size'" }, lanman.NetApiBufferAllocate, 1.5)
      helper.raises({ "'size'" }, lanman.NetApiBufferAllocate, "100")
      helper.raises({ "'size'" }, lanman.NetApiBufferAllocate, 2 ^ 40)
      assert.is_false(pcall(lanman.NetApiBufferSize, {}))
      assert.is_false(pcall(lanman.NetApiBufferSize, "buffer"))
      assert.is_false(pcall(lanman.NetApiBufferSize, lanman.credentials {}))
    end)

    it("gc frees raw memory nobody freed", function()
      local before = settled_stats()
      for _ = 1, 50 do assert(lanman.NetApiBufferAllocate(64)) end
      local after = settled_stats()
      assert.are.equal(before.allocated + 50, after.allocated)
      assert.are.equal(before.live, after.live)
    end)
  end)
end)
