"""Server settings, the server's clock and the level tables of the server
family against the real DC.

Measured (Samba 4.17 AD DC through libnetapi), and asserted below:
- NetServerGetInfo: the server answers 100-102; 402, 502, 503 and 1005 go to
  the server, which answers 124 ERROR_INVALID_LEVEL; libnetapi refuses 403
  and 599 itself with the same code.
- NetServerSetInfo: libnetapi sends only level 1005 (everything else: 50
  ERROR_NOT_SUPPORTED from libnetapi); Samba's server answers 1005 with
  success and changes nothing (its NetSrvSetInfo is a no-op).
- NetRemoteTOD answers with the DC's clock in UTC (timezone 0).
"""
import calendar
import gc
import time

import pytest

import lanman
from conftest import net_error, one


def fast(call):
    t0 = time.monotonic()
    with pytest.raises(Exception) as ei:
        call()
    return ei.value, time.monotonic() - t0


def live():
    gc.collect()
    return lanman.buffer_stats()["live"]


# ---- the level tables ------------------------------------------------------

def test_server_levels():
    assert lanman.call_levels("NetServerGetInfo") == \
        (100, 101, 102, 402, 403, 502, 503, 599, 1005)
    assert lanman.call_levels("NetServerSetInfo") == \
        (101, 102, 402, 403, 502, 503, 599, 1005, 1010, 1016, 1017, 1018, 1107)
    assert lanman.call_levels("NetRemoteTOD") == ()
    assert lanman.call_family("NetServerSetInfo") == "SERVER_INFO"
    L = lanman.LEVELS
    # every field of netapi.h's structs, pywin32's keys (prefix dropped)
    counts = {402: 31, 403: 34, 502: 18, 503: 42, 599: 56}
    for level, n in counts.items():
        struct, names = L[("SERVER_INFO", level)]
        assert struct == f"SERVER_INFO_{level}" and len(names) == n
        assert len(set(names)) == n
    assert L[("SERVER_INFO", 402)][1][:4] == ("ulist_mtime", "glist_mtime",
                                              "alist_mtime", "alerts")
    assert L[("SERVER_INFO", 403)][1][-3:] == ("auditedevents", "autoprofile", "autopath")
    assert L[("SERVER_INFO", 503)][1][18] == "domain"
    assert L[("SERVER_INFO", 599)][1][-1] == "maxworkitemidletime"
    for level, key in ((1005, "comment"), (1010, "disc"), (1016, "hidden"),
                       (1017, "announce"), (1018, "anndelta"), (1107, "users")):
        assert L[("SERVER_INFO", level)] == (f"SERVER_INFO_{level}", (key,))
    assert L[("TIME_OF_DAY_INFO", 0)] == ("TIME_OF_DAY_INFO", (
        "elapsedt", "msecs", "hours", "mins", "secs", "hunds", "timezone",
        "tinterval", "day", "month", "year", "weekday"))


# ---- NetServerGetInfo ------------------------------------------------------

@pytest.mark.parametrize("level", [402, 403, 502, 503, 599, 1005])
def test_server_get_info_levels_samba_does_not_answer(server, level):
    e = net_error(lambda: lanman.NetServerGetInfo(server, level))
    assert (e.code, e.name, e.function, e.server) == \
        (124, "ERROR_INVALID_LEVEL", "NetServerGetInfo", server)


# ---- NetServerSetInfo ------------------------------------------------------

def test_server_set_info_1005_is_accepted_and_ignored(server, session):
    base = live()
    before = one(lanman.NetServerGetInfo(server, 101), "SERVER_INFO", 101)["comment"]
    assert lanman.NetServerSetInfo(server, 1005, {"comment": "lanman was here"}) is None
    session.set_server_info(comment="lanman, through the session")
    # Samba's NetSrvSetInfo answers success and changes nothing
    for level in (101, 102):
        assert one(lanman.NetServerGetInfo(server, level), "SERVER_INFO",
                   level)["comment"] == before
    assert session.server_info(101)["comment"] == before
    assert live() == base


@pytest.mark.parametrize("level,data", [
    (101, {"comment": "x"}), (102, {"comment": "x", "hidden": 0}),
    (402, {}), (403, {}), (502, {"sessopens": 1}), (503, {}), (599, {}),
    (1010, {"disc": 15}), (1016, {"hidden": 1}), (1017, {"announce": 240}),
    (1018, {"anndelta": 3000}), (1107, {"users": 10}),
])
def test_server_set_info_levels_libnetapi_lacks(server, session, level, data):
    e = net_error(lambda: lanman.NetServerSetInfo(server, level, data))
    assert (e.code, e.name, e.function) == (50, "ERROR_NOT_SUPPORTED", "NetServerSetInfo")
    with pytest.raises(lanman.NetApiError) as ei:
        session.set_server_info(level, **data)
    assert ei.value.code == 50


@pytest.mark.parametrize("kind,argument,call", [
    (ValueError, "comment", lambda u: lanman.NetServerSetInfo(u, 1005, {})),
    (TypeError, "comment", lambda u: lanman.NetServerSetInfo(u, 1005, {"comment": 5})),
    (ValueError, "name", lambda u: lanman.NetServerSetInfo(u, 1005, {"name": "x"})),
    (ValueError, "level", lambda u: lanman.NetServerSetInfo(u, 100, {"name": "x"})),
    (ValueError, "level", lambda u: lanman.NetServerSetInfo(u, 7, {})),
    (TypeError, "data", lambda u: lanman.NetServerSetInfo(u, 1005, "comment")),
    (ValueError, "hidden", lambda u: lanman.NetServerSetInfo(u, 1016, {"hidden": 256})),
    (ValueError, "level", lambda u: lanman.NetServerGetInfo(u, 1010)),
    (TypeError, "server", lambda u: lanman.NetRemoteTOD(5)),
    (TypeError, "creds", lambda u: lanman.NetRemoteTOD(u, creds="admin")),
])
def test_argument_errors_before_any_call(unreachable, kind, argument, call):
    e, seconds = fast(lambda: call(unreachable))
    assert type(e) is kind, e
    assert f"'{argument}'" in str(e), str(e)
    assert seconds < 0.1


# ---- NetRemoteTOD ----------------------------------------------------------

def test_remote_tod(server):
    base = live()
    before = time.time()
    rec = one(lanman.NetRemoteTOD(server), "TIME_OF_DAY_INFO", 0)
    after = time.time()
    # the DC runs on this machine's clock: within a few seconds
    assert before - 3 <= rec["elapsedt"] <= after + 3
    assert all(isinstance(v, int) for v in rec.values())
    # the broken-down fields are the same instant, in local time of the
    # server (minutes west of UTC in timezone; this DC is on UTC)
    assert rec["timezone"] == 0
    t = time.gmtime(rec["elapsedt"] - 60 * rec["timezone"])
    assert (rec["year"], rec["month"], rec["day"], rec["hours"], rec["mins"],
            rec["secs"]) == (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour,
                             t.tm_min, t.tm_sec)
    assert rec["weekday"] == (t.tm_wday + 1) % 7        # 0 is Sunday
    assert calendar.timegm(t) == rec["elapsedt"]
    assert rec["tinterval"] == 10000                    # 0.0001 s units
    assert 0 <= rec["hunds"] < 100 and 0 <= rec["msecs"]
    assert live() == base


def test_session_time(session):
    rec = session.time()
    assert abs(rec["elapsedt"] - time.time()) <= 3
    assert set(rec) == set(lanman.LEVELS[("TIME_OF_DAY_INFO", 0)][1])

