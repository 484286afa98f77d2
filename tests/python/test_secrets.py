"""Secrets: a password never shows in a repr, an exception, a traceback or
a log record, whatever happens to the call (success, wrong password,
disabled account, unreachable server, timeout, bad arguments)."""
import logging
import traceback

import pytest

import lanman

SECRET = "Sekr1t-lanman-XYZZY-" + "7" * 8


@pytest.fixture
def logs():
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    root = logging.getLogger()
    handler = Keep(level=logging.DEBUG)
    old = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield records
    root.removeHandler(handler)
    root.setLevel(old)


def texts_of(exc):
    return [str(exc), repr(exc), "".join(traceback.format_exception(exc)),
            " ".join(str(a) for a in exc.args)]


def assert_clean(*texts):
    for t in texts:
        assert SECRET not in t
        assert SECRET.lower() not in t.lower()


def test_repr_of_credentials_and_session(server):
    c = lanman.Credentials("alice", SECRET, "LANMANTEST")
    s = lanman.Session(server, user="alice", password=SECRET, domain="LANMANTEST")
    assert_clean(repr(c), str(c), repr(s), str(s), repr(vars(s)) if hasattr(s, "__dict__") else "")
    assert not any(SECRET in repr(getattr(c, a, "")) for a in dir(c) if not a.startswith("__"))
    s.close()
    assert_clean(repr(s))


def test_failures_never_carry_the_password(server, dc, unreachable, logs):
    cases = [
        lambda: lanman.Session(server, user=dc["LANMAN_TEST_USER"], password=SECRET,
                               domain=dc["LANMAN_TEST_DOMAIN"]).server_info(101),
        lambda: lanman.Session(server, user="carol", password=SECRET,
                               domain=dc["LANMAN_TEST_DOMAIN"]).user("alice", 0),
        lambda: lanman.NetUserGetInfo(unreachable, "alice", 0,
                                      creds=lanman.Credentials("x", SECRET, "D")),
        lambda: lanman.NetUserAdd(server, 1, {"name": "lm-secret-test", "password": SECRET,
                                              "priv": 99, "flags": 1}),
        lambda: lanman.NetUserSetInfo(server, "no-such-user-secrets", 1003,
                                      {"password": SECRET}),
        lambda: lanman.NetUserChangePassword(server, "no-such-user-secrets", SECRET, SECRET + "2"),
        lambda: lanman.Credentials(SECRET.encode(), SECRET, None),
        lambda: lanman.NetUserAdd(server, 1, {"name": 5, "password": SECRET}),
    ]
    lanman.set_timeout(0.5)
    try:
        for case in cases:
            with pytest.raises((lanman.NetApiError, TypeError, ValueError)) as e:
                case()
            assert_clean(*texts_of(e.value))
    finally:
        lanman.set_timeout(20)
    assert_clean(*logs)


def test_a_successful_call_logs_nothing_secret(session, logs):
    assert session.server_info(101)
    assert_clean(*logs)
