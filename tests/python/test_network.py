"""The Windows-only calls (sessions, connections, the browse list,
logged-on users, disks) on Linux: declared with their real signatures and
levels, each checks its arguments like any call and then fails cleanly with
ERROR_NOT_SUPPORTED (50), naming the function and the platform, without
sending anything anywhere."""
import time

import pytest

import lanman

NOT_HERE = "not available on Linux with Samba's libnetapi"

CALLS = {
    "NetSessionEnum": lambda s: lanman.NetSessionEnum(s, None, None, 10),
    "NetSessionDel": lambda s: lanman.NetSessionDel(s, "\\\\client", None),
    "NetServerEnum": lambda s: lanman.NetServerEnum(s, 101),
    "NetWkstaUserEnum": lambda s: lanman.NetWkstaUserEnum(s, 1),
    "NetConnectionEnum": lambda s: lanman.NetConnectionEnum(s, "IPC$", 1),
    "NetServerDiskEnum": lambda s: lanman.NetServerDiskEnum(s, 0),
}


@pytest.mark.parametrize("function", sorted(CALLS))
def test_not_supported_on_linux(server, function):
    with pytest.raises(lanman.NetApiError) as info:
        CALLS[function](server)
    e = info.value
    assert (e.code, e.name, e.winerror) == (50, "ERROR_NOT_SUPPORTED", 50)
    assert e.function == function and e.server == server
    assert f"{function} is {NOT_HERE}" in str(e)
    assert isinstance(e, OSError)


@pytest.mark.parametrize("function", sorted(CALLS))
def test_nothing_goes_on_the_wire(unreachable, function):
    # an address nobody answers would make a real call wait for seconds
    t0 = time.monotonic()
    with pytest.raises(lanman.NetApiError) as info:
        CALLS[function](unreachable)
    assert info.value.code == 50
    assert time.monotonic() - t0 < 0.5


@pytest.mark.parametrize("function", sorted(CALLS))
def test_not_supported_for_the_local_machine_either(function):
    with pytest.raises(lanman.NetApiError) as info:
        CALLS[function](None)
    assert info.value.code == 50 and info.value.server == ""


def test_every_level_and_argument_shape(server):
    for level in (0, 1, 2, 10, 502):
        for client, user in ((None, None), ("\\\\host", None), (None, "alice"),
                             ("host", "alice")):
            with pytest.raises(lanman.NetApiError, match="NetSessionEnum"):
                lanman.NetSessionEnum(server, client, user, level, 0, 4096)
    for level in (100, 101):
        with pytest.raises(lanman.NetApiError, match="NetServerEnum"):
            lanman.NetServerEnum(server, level, lanman.SV_TYPE_DOMAIN_CTRL, "LANMANTEST")
    for level in (0, 1, 1101):
        with pytest.raises(lanman.NetApiError, match="NetWkstaUserEnum"):
            lanman.NetWkstaUserEnum(server, level, resume=7, prefmaxlen=100)
    for level in (0, 1):
        with pytest.raises(lanman.NetApiError, match="NetConnectionEnum"):
            lanman.NetConnectionEnum(server, "\\\\client", level)
    with pytest.raises(lanman.NetApiError, match="NetSessionDel"):
        lanman.NetSessionDel(server, None, "alice")


def test_argument_checks_come_first(unreachable):
    with pytest.raises(ValueError, match="'level'.*3 is not supported.*0, 1, 2, 10, 502"):
        lanman.NetSessionEnum(unreachable, None, None, 3)
    with pytest.raises(ValueError, match="'level'.*102"):
        lanman.NetServerEnum(unreachable, 102)
    with pytest.raises(ValueError, match="'level'"):
        lanman.NetWkstaUserEnum(unreachable, 2)
    with pytest.raises(ValueError, match="'level'"):
        lanman.NetConnectionEnum(unreachable, "IPC$", 2)
    with pytest.raises(ValueError, match="'level'"):
        lanman.NetServerDiskEnum(unreachable, 1)
    with pytest.raises(TypeError, match="'qualifier'"):
        lanman.NetConnectionEnum(unreachable, None, 0)
    with pytest.raises(ValueError, match="'qualifier'"):
        lanman.NetConnectionEnum(unreachable, "", 0)
    with pytest.raises(ValueError, match="'client'.*username"):
        lanman.NetSessionDel(unreachable, None, None)
    with pytest.raises(ValueError, match="'username'"):
        lanman.NetSessionEnum(unreachable, None, "u" * 257, 10)
    with pytest.raises(TypeError, match="'servertype'"):
        lanman.NetServerEnum(unreachable, 100, "all")
    with pytest.raises(ValueError, match="'resume'"):
        lanman.NetWkstaUserEnum(unreachable, 0, -1)
    with pytest.raises(TypeError, match="'client'"):
        lanman.NetSessionEnum(unreachable, 5, None, 10)
    with pytest.raises(ValueError, match="'server'"):
        lanman.NetSessionEnum("no such/host", None, None, 10)
    with pytest.raises(TypeError, match="'creds'"):
        lanman.NetServerDiskEnum(unreachable, creds="admin")


def test_levels_and_keys():
    assert lanman.call_levels("NetSessionEnum") == (0, 1, 2, 10, 502)
    assert lanman.call_levels("NetServerEnum") == (100, 101)
    assert lanman.call_levels("NetWkstaUserEnum") == (0, 1, 1101)
    assert lanman.call_levels("NetConnectionEnum") == (0, 1)
    assert lanman.call_levels("NetServerDiskEnum") == (0,)
    assert lanman.call_family("NetSessionEnum") == "SESSION_INFO"
    assert lanman.call_family("NetServerEnum") == "SERVER_INFO"
    L = lanman.LEVELS
    assert L[("SESSION_INFO", 0)] == ("SESSION_INFO_0", ("cname",))
    assert L[("SESSION_INFO", 10)] == ("SESSION_INFO_10",
                                       ("cname", "username", "time", "idle_time"))
    assert L[("SESSION_INFO", 502)][1] == ("cname", "username", "num_opens", "time",
                                           "idle_time", "user_flags", "cltype_name",
                                           "transport")
    assert L[("SESSION_INFO", 2)][1][-1] == "cltype_name"
    assert L[("SESSION_INFO", 1)][1] == ("cname", "username", "num_opens", "time",
                                         "idle_time", "user_flags")
    assert L[("CONNECTION_INFO", 0)] == ("CONNECTION_INFO_0", ("id",))
    assert L[("CONNECTION_INFO", 1)][1] == ("id", "type", "num_opens", "num_users", "time",
                                            "username", "netname")
    assert L[("WKSTA_USER_INFO", 0)] == ("WKSTA_USER_INFO_0", ("username",))
    assert L[("WKSTA_USER_INFO", 1)][1] == ("username", "logon_domain", "oth_domains",
                                            "logon_server")
    assert L[("WKSTA_USER_INFO", 1101)] == ("WKSTA_USER_INFO_1101", ("oth_domains",))
    assert L[("DISK_INFO", 0)] == ("LM_DISK_INFO", ("disk",))


def test_session_sessions(session):
    with pytest.raises(lanman.NetApiError) as info:
        list(session.sessions())
    assert info.value.code == 50 and "NetSessionEnum" in str(info.value)
    with pytest.raises(ValueError, match="'level'"):
        list(session.sessions(level=3))


def test_no_buffer_handed_out(server):
    before = lanman.buffer_stats()
    for call in CALLS.values():
        with pytest.raises(lanman.NetApiError):
            call(server)
    assert lanman.buffer_stats() == before
