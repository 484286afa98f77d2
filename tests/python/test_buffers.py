"""lanman.Buffer and its PyCapsule: NetApiBufferFree exactly once, clean
errors after a free, records copied out, the NetApiBuffer* functions."""
import ctypes
import gc

import pytest

import lanman

CAPSULE_NAME = b"lanman.NetApiBuffer"

_pyapi = ctypes.pythonapi
_pyapi.PyCapsule_GetName.restype = ctypes.c_char_p
_pyapi.PyCapsule_GetName.argtypes = [ctypes.py_object]
_pyapi.PyCapsule_IsValid.restype = ctypes.c_int
_pyapi.PyCapsule_IsValid.argtypes = [ctypes.py_object, ctypes.c_char_p]


def stats():
    return lanman.buffer_stats()


def user_enum(server, level=0, **kw):
    buf, _total, _resume = lanman.NetUserEnum(server, level, **kw)
    return buf


# ---- the capsule --------------------------------------------------------

def test_capsule_is_a_real_named_pycapsule(server):
    with lanman.NetServerGetInfo(server, 101) as buf:
        cap = buf.capsule
        assert type(cap).__name__ == "PyCapsule"
        assert _pyapi.PyCapsule_GetName(cap) == CAPSULE_NAME
        assert _pyapi.PyCapsule_IsValid(cap, CAPSULE_NAME) == 1
        assert _pyapi.PyCapsule_IsValid(cap, b"lanman.Credentials") == 0
        assert buf.level == ("SERVER_INFO", 101)
        del cap


def test_credentials_capsule_is_a_different_capsule():
    creds = lanman.Credentials("u", "p", "d")
    assert type(creds._capsule).__name__ == "PyCapsule"
    assert _pyapi.PyCapsule_GetName(creds._capsule) == b"lanman.Credentials"
    assert _pyapi.PyCapsule_IsValid(creds._capsule, CAPSULE_NAME) == 0


def test_stats_shape():
    s = stats()
    assert set(s) == {"allocated", "freed", "live"}
    assert s["live"] == s["allocated"] - s["freed"]
    assert all(isinstance(v, int) and v >= 0 for v in s.values())


# ---- freeing: garbage collection, with, free() ---------------------------

def test_del_and_gc_free_the_buffer(server):
    gc.collect()
    before = stats()
    buf = user_enum(server)
    assert len(buf) > 40
    mid = stats()
    assert mid["allocated"] == before["allocated"] + 1
    assert mid["live"] == before["live"] + 1
    del buf
    gc.collect()
    after = stats()
    assert after["live"] == before["live"]
    assert after["freed"] == before["freed"] + 1


def test_buffer_in_a_reference_cycle_is_freed_by_gc(server):
    gc.collect()
    before = stats()
    holder = {"buf": lanman.NetServerGetInfo(server, 100)}
    holder["self"] = holder          # only the cycle collector frees this
    del holder
    assert stats()["live"] == before["live"] + 1
    gc.collect()
    assert stats()["live"] == before["live"]


def test_capsule_outliving_the_buffer_object_keeps_the_memory(server):
    gc.collect()
    before = stats()
    buf = lanman.NetServerGetInfo(server, 100)
    cap = buf.capsule
    del buf
    gc.collect()
    assert stats()["live"] == before["live"] + 1     # the capsule holds it
    assert lanman._core.record(cap, 0)["platform_id"] == 500
    del cap
    gc.collect()
    assert stats()["live"] == before["live"]
    assert stats()["freed"] == before["freed"] + 1


def test_with_frees_at_block_exit(server):
    gc.collect()
    before = stats()
    with lanman.NetServerGetInfo(server, 101) as buf:
        assert stats()["live"] == before["live"] + 1
        assert not buf.freed
        name = buf[0]["name"]
    after = stats()                                  # no gc.collect()
    assert after["freed"] == before["freed"] + 1
    assert after["live"] == before["live"]
    assert buf.freed
    assert name
    with pytest.raises(ValueError):
        buf[0]


def test_with_frees_when_the_block_raises(server):
    before = stats()
    with pytest.raises(KeyError):
        with user_enum(server) as buf:
            buf[0]["no such key"]
    assert buf.freed
    assert stats()["freed"] == before["freed"] + 1


def test_with_after_explicit_free_does_not_free_twice(server):
    before = stats()
    with lanman.NetServerGetInfo(server, 100) as buf:
        buf.free()
    after = stats()
    assert after["freed"] == before["freed"] + 1
    assert after["allocated"] == before["allocated"] + 1


def test_double_free_raises_value_error(server):
    buf = lanman.NetServerGetInfo(server, 100)
    before = stats()
    buf.free()
    assert stats()["freed"] == before["freed"] + 1
    with pytest.raises(ValueError, match="freed"):
        buf.free()
    with pytest.raises(ValueError, match="freed"):
        lanman.NetApiBufferFree(buf)
    with pytest.raises(ValueError, match="freed"):
        lanman._core.buffer_free(buf.capsule)
    assert stats()["freed"] == before["freed"] + 1     # still exactly once
    del buf
    gc.collect()
    assert stats()["freed"] == before["freed"] + 1     # the destructor neither


def test_netapibufferfree_frees(server):
    buf = user_enum(server, 0)
    before = stats()
    assert lanman.NetApiBufferFree(buf) is None
    assert buf.freed
    assert stats()["freed"] == before["freed"] + 1


def test_every_access_after_free_is_a_clean_value_error(server):
    buf = user_enum(server, 3)
    n = len(buf)
    assert n > 40
    buf.free()
    accesses = [
        lambda: buf[0], lambda: buf[-1], lambda: buf[n - 1], lambda: buf[n + 5],
        lambda: len(buf), lambda: list(buf), lambda: buf.records(),
        lambda: buf[0:2], lambda: lanman.NetApiBufferSize(buf),
        lambda: lanman._core.record(buf.capsule, 0),
        lambda: lanman._core.records(buf.capsule),
    ]
    for access in accesses:
        with pytest.raises(ValueError):
            access()
    assert lanman._core.buffer_count(buf.capsule) == 0
    assert buf.freed
    assert "freed" in repr(buf)


def test_records_stay_valid_after_free(server):
    buf = user_enum(server, 23)
    one = buf[0]
    every = buf.records()
    iterated = list(buf)
    snapshot = [dict(r) for r in every]
    buf.free()
    gc.collect()
    junk = [user_enum(server, 11) for _ in range(3)]    # reuse freed memory
    assert every == snapshot
    assert iterated == snapshot
    assert one == snapshot[0]
    assert all(isinstance(r["name"], str) and r["name"] for r in every)
    assert all(r["user_sid"].startswith("S-1-5-21-") for r in every)
    for b in junk:
        b.free()


def test_records_are_independent_copies(server):
    with user_enum(server, 10) as buf:
        first = buf[0]
        first["name"] = "changed"
        assert buf[0]["name"] != "changed"
        assert buf[0] is not buf[0]


# ---- indexing -------------------------------------------------------------

def test_negative_index_and_out_of_range(server):
    with user_enum(server, 0) as buf:
        n = len(buf)
        assert n > 40
        names = [r["name"] for r in buf]
        assert buf[-1] == buf[n - 1] == {"name": names[-1]}
        assert buf[-n] == buf[0] == {"name": names[0]}
        assert [r["name"] for r in buf[1:4]] == names[1:4]
        for bad in (n, n + 1, -n - 1, 2**31, -(2**31)):
            with pytest.raises(IndexError):
                buf[bad]
        with pytest.raises(TypeError):
            buf["0"]
        with pytest.raises(TypeError):
            buf[True]
        with pytest.raises(TypeError):
            buf[1.0]
        assert not buf.freed


def test_len_iteration_and_repr(server):
    with lanman.NetShareEnum(server, 1)[0] as buf:
        n = len(buf)
        assert n == len(list(buf)) == len(buf.records()) >= 4
        assert f"{n} records" in repr(buf)
        assert "SHARE_INFO_1" in repr(buf)


# ---- NetApiBufferAllocate / Size / Reallocate / Free ----------------------

def test_allocate_size_reallocate_free_balanced():
    gc.collect()
    before = stats()
    buf = lanman.NetApiBufferAllocate(100)
    assert type(buf.capsule).__name__ == "PyCapsule"
    assert _pyapi.PyCapsule_IsValid(buf.capsule, CAPSULE_NAME) == 1
    assert buf.level is None
    assert len(buf) == 0
    assert lanman.NetApiBufferSize(buf) == 100
    s = stats()
    assert s["allocated"] == before["allocated"] + 1
    assert s["live"] == before["live"] + 1

    assert lanman.NetApiBufferReallocate(buf, 5000) is buf
    assert lanman.NetApiBufferSize(buf) == 5000
    assert lanman.NetApiBufferReallocate(buf, 10) is buf
    assert lanman.NetApiBufferSize(buf) == 10
    assert stats()["allocated"] == before["allocated"] + 1   # still one buffer
    assert stats()["live"] == before["live"] + 1

    lanman.NetApiBufferFree(buf)
    after = stats()
    assert after["freed"] == before["freed"] + 1
    assert after["live"] == before["live"]
    with pytest.raises(ValueError):
        lanman.NetApiBufferSize(buf)
    with pytest.raises(ValueError):
        lanman.NetApiBufferReallocate(buf, 10)
    with pytest.raises(ValueError):
        lanman.NetApiBufferFree(buf)
    assert stats() == after


def test_allocate_zero_then_reallocate():
    before = stats()
    buf = lanman.NetApiBufferAllocate(0)
    assert lanman.NetApiBufferSize(buf) == 0
    lanman.NetApiBufferReallocate(buf, 64)
    assert lanman.NetApiBufferSize(buf) == 64
    assert stats()["allocated"] == before["allocated"] + 1
    buf.free()
    assert stats()["live"] == before["live"]


def test_raw_memory_has_no_records():
    with lanman.NetApiBufferAllocate(32) as buf:
        with pytest.raises((IndexError, ValueError)):
            buf[0]
        assert list(buf) == []


def test_many_raw_buffers_collected():
    gc.collect()
    before = stats()
    bufs = [lanman.NetApiBufferAllocate(n) for n in range(1, 200)]
    assert stats()["live"] == before["live"] + 199
    del bufs
    gc.collect()
    after = stats()
    assert after["live"] == before["live"]
    assert after["freed"] == before["freed"] + 199


def test_reallocate_refuses_record_buffers(server):
    with lanman.NetServerGetInfo(server, 100) as buf:
        size = lanman.NetApiBufferSize(buf)
        with pytest.raises(ValueError):
            lanman.NetApiBufferReallocate(buf, 10)
        assert lanman.NetApiBufferSize(buf) == size
        assert buf[0]["platform_id"] == 500


def test_buffer_size_of_user_enum_3_includes_strings(server):
    with user_enum(server, 3) as buf:
        size = lanman.NetApiBufferSize(buf)
        records = buf.records()
    # A lower bound of sizeof(USER_INFO_3): a pointer for every str / bytes /
    # None field, 4 bytes for every integer (padding only adds).
    ptr = ctypes.sizeof(ctypes.c_void_p)
    struct_min = sum(ptr if not isinstance(v, int) else 4
                     for v in records[0].values())
    array = len(records) * struct_min
    pointees = sum(len(v.encode()) + 1 if isinstance(v, str) else len(v)
                   for r in records for v in r.values()
                   if isinstance(v, (str, bytes)))
    assert len(records) > 40
    assert pointees > len(records) * 21          # logon_hours alone
    assert size > array
    assert size >= array + pointees


def test_buffer_size_of_server_info(server):
    with lanman.NetServerGetInfo(server, 101) as buf:
        rec = buf[0]
        size = lanman.NetApiBufferSize(buf)
    assert size >= 4 * 4 + 2 * ctypes.sizeof(ctypes.c_void_p) + \
        len(rec["name"]) + 1 + len(rec["comment"]) + 1


def test_wrong_objects_are_type_errors():
    for fn in (lanman.NetApiBufferSize, lanman.NetApiBufferFree):
        with pytest.raises(TypeError, match="buf"):
            fn("not a buffer")
    with pytest.raises(TypeError, match="buf"):
        lanman.NetApiBufferReallocate(object(), 10)
    with pytest.raises(TypeError, match="buf"):
        lanman._core.record(object(), 0)
    creds = lanman.Credentials("u", "p")
    with pytest.raises(TypeError, match="buf"):
        lanman._core.buffer_free(creds._capsule)   # a capsule of another name
    with pytest.raises(TypeError, match="size"):
        lanman.NetApiBufferAllocate("10")
    with pytest.raises(ValueError, match="size"):
        lanman.NetApiBufferAllocate(-1)
