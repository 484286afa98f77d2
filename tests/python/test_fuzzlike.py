"""Property tests (python3-hypothesis): random types and values thrown at
every public function of lanman.  Only TypeError, ValueError or NetApiError
may come out -- never a crash, another exception, or a leaked buffer.

What may reach the wire is fenced in: every server-like argument is the
test DC for calls that only read, and an unanswered address on the DC's own
/24 (with a short call timeout) for calls that write, join or shut down, so
random input can neither change the DC nor send anything off the DC's
network.  NetRequestOfflineDomainJoin (it joins *this* machine) only gets
inputs of wrong types.
"""
import gc
import os
import sys
import inspect
import re

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import lanman  # noqa: E402

ALLOWED = (TypeError, ValueError, lanman.NetApiError)
SERVER_PARAMS = {"server", "domainname", "dcname"}
WRITES = re.compile(r"Add|Del|Set|Close|ChangePassword|Join|Unjoin|Rename|"
                    r"Provision|Shutdown")
LOCAL_ONLY = {"NetRequestOfflineDomainJoin"}
EXAMPLES = 40

junk = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-2**70, max_value=2**70),
    st.sampled_from([0, 1, 2, 3, 10, 100, 101, 102, 502, 1003, 2**32 - 1, 2**32, -1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(alphabet=st.characters(), max_size=300),   # surrogates, NULs
    st.binary(max_size=64),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=12),
                    st.one_of(st.none(), st.integers(), st.text(max_size=20),
                              st.binary(max_size=8)), max_size=4),
    st.lists(st.dictionaries(st.text(max_size=8), st.integers(), max_size=2),
             max_size=2),
)

FUNCTIONS = sorted(n for n in lanman.__all__
                   if callable(getattr(lanman, n))
                   and not inspect.isclass(getattr(lanman, n)))


@pytest.fixture(scope="module")
def targets(server, unreachable):
    return {"read": server, "write": unreachable}


@pytest.fixture(autouse=True)
def restore():
    yield
    lanman.set_timeout(20)


def params_of(fn):
    return [p for p in inspect.signature(fn).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_random_arguments(name, targets, dc):
    fn = getattr(lanman, name)
    params = params_of(fn)
    writes = bool(WRITES.search(name))
    server = targets["write" if writes else "read"]
    live0 = lanman.buffer_stats()["live"]
    creds = lanman.Credentials(dc["LANMAN_TEST_USER"], dc["LANMAN_TEST_PASSWORD"],
                               dc["LANMAN_TEST_DOMAIN"])

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(args=st.tuples(*[junk for _ in params]), nargs=st.integers(0, len(params)))
    def check(args, nargs):
        args = list(args[:nargs])
        for i, p in enumerate(params[:nargs]):
            if p.name in SERVER_PARAMS:
                args[i] = server
        if name in LOCAL_ONLY:
            args = [object()] + args[1:]          # fails its type check first
        kwargs = {"creds": creds} if "creds" in inspect.signature(fn).parameters else {}
        lanman.set_timeout(0.3 if writes else 5)
        if os.environ.get("LANMAN_FUZZLIKE_TRACE"):
            print(name, args, file=sys.stderr, flush=True)
        try:
            result = fn(*args, **kwargs)
        except ALLOWED:
            return
        finally:
            lanman.set_timeout(20)
            if name == "set_default_credentials":   # the suite's, back
                lanman.set_default_credentials(dc["LANMAN_TEST_USER"],
                                               dc["LANMAN_TEST_PASSWORD"],
                                               dc["LANMAN_TEST_DOMAIN"])
        # whatever came back must be usable and freeable
        if isinstance(result, tuple) and result:   # (buf, total, resume)
            result = result[0]
        if isinstance(result, lanman.Buffer):
            with result:
                result.records() if result.level is not None else len(result)

    check()
    gc.collect()
    assert lanman.buffer_stats()["live"] == live0, f"{name} leaked NetApi buffers"


@given(value=junk)
@settings(max_examples=200, deadline=None, database=None)
def test_credentials_and_session_constructors(value):
    for make in (lambda v: lanman.Credentials(v, v, v),
                 lambda v: lanman.Credentials(user=v),
                 lambda v: lanman.Credentials(password=v),
                 lambda v: lanman.Session(v),
                 lambda v: lanman.Session("x", user=v, password=v, domain=v, kerberos=v)):
        try:
            obj = make(value)
        except ALLOWED:
            continue
        repr(obj)


@given(data=junk, level=junk)
@settings(max_examples=300, deadline=None, database=None)
def test_input_encoder_through_a_write_call(data, level, unreachable):
    """Dict -> struct conversion with random dicts: rejected before the
    wire, or sent to nowhere (an unanswered address) and timed out."""
    lanman.set_timeout(0.3)
    try:
        for call in (lanman.NetUserAdd, lanman.NetShareAdd, lanman.NetGroupAdd):
            try:
                call(unreachable, level, data)
            except ALLOWED:
                pass
    finally:
        lanman.set_timeout(20)
