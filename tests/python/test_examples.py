"""The six example admin scripts, in both languages (examples/python/*.py,
examples/lua/*.lua), end to end against the real DC: --help, credentials
and exit codes like the CLI's, each report checked against what the DC
holds (with users, groups, lockouts and logons made for the test), and the
Python and Lua reports compared with each other.  No password ever appears
in a command line (/proc/PID/cmdline, sampled while they run) or an output.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import lanman

from test_cli import _prompted_run, admin, base_env, run_watched, secrets_of, unique

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SCRIPTS = ["inventory", "stale_accounts", "provision", "privileged_audit", "share_audit",
           "password_policy"]
LANGS = ["python", "lua"]
PW = "Ex-" + os.urandom(4).hex() + "-Pq3!"


def lua_env():
    """LUA_PATH/LUA_CPATH for lanman (tests/run-all exports them; otherwise
    from the rock tree $LUA_TREE, default .luarocks)."""
    if os.environ.get("LUA_CPATH") and os.environ.get("LUA_PATH"):
        return {}
    tree = ROOT / os.environ.get("LUA_TREE", ".luarocks")
    out = subprocess.run(["luarocks", "--lua-version=5.4", "--tree", str(tree), "path"],
                         capture_output=True, text=True, check=True).stdout
    env = {}
    for line in out.splitlines():
        if line.startswith("export "):
            key, _, value = line[len("export "):].partition("=")
            env[key] = value.strip("'\"")
    return env


@pytest.fixture(scope="session")
def lua_paths():
    return lua_env()


@pytest.fixture
def example(dc, lua_paths):
    """example(lang, script, *args, env=None, stdin=None, secrets=(), login=True)"""
    def run(lang, script, *args, env=None, stdin=None, secrets=(), login=True):
        if lang == "python":
            argv = [sys.executable, EXAMPLES / "python" / f"{script}.py"]
        else:
            argv = ["lua5.4", EXAMPLES / "lua" / f"{script}.lua"]
        if login:
            argv += ["-S", dc["LANMAN_TEST_SERVER"], "-U", admin(dc)]
        e = dict(env or base_env(dc))
        e.update(lua_paths)
        return run_watched(argv + list(args), env=e, stdin_text=stdin,
                           secrets=secrets_of(dc, PW, *secrets))
    return run


def ok(cp):
    assert cp.returncode == 0, f"exit {cp.returncode}\nstdout: {cp.stdout}\nstderr: {cp.stderr}"
    return cp.stdout


def report(example, lang, script, *args, **kw):
    return json.loads(ok(example(lang, script, *args, **kw)))


@pytest.fixture
def make_user(server):
    made = []

    def make(flags=lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT, **fields):
        name = unique("exu")
        data = {"name": name, "password": PW, "priv": lanman.USER_PRIV_USER,
                "flags": flags}
        data.update(fields)
        lanman.NetUserAdd(server, 1, data)
        made.append(name)
        return name
    yield make
    for name in made:
        try:
            lanman.NetUserDel(server, name)
        except lanman.NetApiError:
            pass


# ---- help and usage, both languages ------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("script", SCRIPTS)
def test_help(example, lang, script):
    out = ok(example(lang, script, "--help", login=False))
    assert "example:" in out and f"{script}." in out
    for option in ("--server", "--user", "--authentication-file", "--kerberos"):
        assert option in out
    assert "never from the command line" in out


@pytest.mark.parametrize("lang", LANGS)
def test_usage_and_credentials(example, dc, server, lang, tmp_path):
    cp = example(lang, "password_policy", "--no-such-option")
    assert cp.returncode == 2 and "--no-such-option" in cp.stderr
    cp = example(lang, "password_policy", "-U", admin(dc), login=False)
    assert cp.returncode == 2 and "no server" in cp.stderr
    cp = example(lang, "password_policy", "-S", server, "-U", admin(dc) + "%x", login=False)
    assert cp.returncode == 2 and "command line" in cp.stderr
    env = base_env(dc)
    del env["LANMAN_PASSWORD"]
    cp = example(lang, "password_policy", env=env)
    assert cp.returncode == 2 and "LANMAN_PASSWORD" in cp.stderr
    auth = tmp_path / "auth"
    shutil.copyfile(dc["LANMAN_TEST_AUTHFILE"], auth)
    os.chmod(auth, 0o644)
    cp = example(lang, "password_policy", "-S", server, "-A", str(auth), env=env, login=False)
    assert cp.returncode == 2 and "group or others" in cp.stderr and "0644" in cp.stderr
    os.chmod(auth, 0o600)
    out = ok(example(lang, "password_policy", "-S", server, "-A", str(auth), env=env,
                     login=False))
    assert "min_passwd_len" in out
    # user@realm, and a wrong password: exit 1 naming the failure
    out = ok(example(lang, "password_policy", "-S", server, "-U",
                     f"{dc['LANMAN_TEST_USER']}@{dc['LANMAN_TEST_REALM']}", login=False))
    assert "lockout_threshold" in out
    cp = example(lang, "password_policy", env=base_env(dc, LANMAN_PASSWORD="Wr0ng-ex-99"),
                 secrets=("Wr0ng-ex-99",))
    assert cp.returncode == 1 and "1326" in cp.stderr and "NetUserModalsGet" in cp.stderr


# ---- 1. inventory ---------------------------------------------------------------

def test_inventory(example, dc, tmp_path):
    reports = {}
    for lang in LANGS:
        r = report(example, lang, "inventory")
        assert r["server"]["name"] == dc["LANMAN_TEST_HOSTNAME"]
        assert r["workstation"]["langroup"] == dc["LANMAN_TEST_DOMAIN"]
        users = {u["name"]: u for u in r["users"]}
        assert {"alice", "bob", "carol", "lmuser00", "lmuser39"} <= set(users)
        assert users["alice"]["full_name"] == "Alice Adams"
        assert users["carol"]["flags"] & lanman.UF_ACCOUNTDISABLE
        groups = {g["name"]: g for g in r["groups"]}
        assert groups["lanman-ops"]["members"] == ["alice", "bob"]
        assert groups["Domain Admins"]["members"] == ["Administrator"]
        assert [u["name"] for u in r["users"]] == sorted((u["name"] for u in r["users"]),
                                                         key=str.lower)
        local = {g["name"]: g for g in r["local_groups"]}
        assert f"{dc['LANMAN_TEST_DOMAIN']}\\Domain Admins" in local["Administrators"]["members"]
        shares = {s["netname"]: s for s in r["shares"]}
        assert shares[dc["LANMAN_TEST_SHARE"]]["max_uses"] == 10
        assert shares[dc["LANMAN_TEST_SHARE"]]["path"].endswith(dc["LANMAN_TEST_SHARE"])
        for s in r["shares"]:
            s.pop("current_uses")         # changes with the connections open
        reports[lang] = r
    assert reports["python"] == reports["lua"]
    # -o FILE
    for lang in LANGS:
        out = tmp_path / f"inv-{lang}.json"
        cp = example(lang, "inventory", "-o", str(out))
        assert ok(cp) == "" and "users" in cp.stderr
        assert json.loads(out.read_text())["server"]["name"] == dc["LANMAN_TEST_HOSTNAME"]


# ---- 2. stale and risky accounts -------------------------------------------------

def kerberos_logon(dc, user, password, tmp_path):
    """An AS-REQ for user (the DC records last_logon), with Samba's Python
    bindings and a krb5.conf naming the DC's KDC; the password in the
    environment, never on a command line."""
    conf = tmp_path / "krb5.conf"
    conf.write_text(textwrap.dedent(f"""\
        [libdefaults]
            default_realm = {dc['LANMAN_TEST_REALM']}
            dns_lookup_kdc = false
            dns_lookup_realm = false
        [realms]
            {dc['LANMAN_TEST_REALM']} = {{
                kdc = {dc['LANMAN_TEST_SERVER']}
            }}
        """))
    code = textwrap.dedent("""\
        import os
        from samba import credentials, param
        lp = param.LoadParm()
        lp.set("realm", os.environ["T_REALM"]); lp.set("workgroup", os.environ["T_DOMAIN"])
        c = credentials.Credentials(); c.guess(lp)
        c.set_username(os.environ["T_USER"]); c.set_password(os.environ["T_PW"])
        c.set_realm(os.environ["T_REALM"]); c.set_domain(os.environ["T_DOMAIN"])
        c.set_kerberos_state(credentials.MUST_USE_KERBEROS)
        c.get_named_ccache(lp, "FILE:" + os.environ["T_CCACHE"])
        """)
    env = dict(os.environ, KRB5_CONFIG=str(conf), T_REALM=dc["LANMAN_TEST_REALM"],
               T_DOMAIN=dc["LANMAN_TEST_DOMAIN"], T_USER=user, T_PW=password,
               T_CCACHE=str(tmp_path / "ccache"))
    cp = run_watched(["/usr/bin/python3", "-c", code], env=env, secrets=(password,),
                     timeout=60)
    assert cp.returncode == 0, cp.stderr


@pytest.fixture
def lockout_policy(server):
    """Lockout after 2 bad passwords, for the test; the policy put back after."""
    with lanman.NetUserModalsGet(server, 3) as buf:
        before = buf[0]
    lanman.NetUserModalsSet(server, 3, {"lockout_duration": 1800,
                                        "lockout_observation_window": 1800,
                                        "lockout_threshold": 2})
    yield
    lanman.NetUserModalsSet(server, 3, before)


def test_stale_accounts(example, dc, server, make_user, lockout_policy, tmp_path):
    D = dc["LANMAN_TEST_DOMAIN"]
    logged_on = make_user()
    kerberos_logon(dc, logged_on, PW, tmp_path)
    forever = make_user(flags=lanman.UF_SCRIPT | lanman.UF_DONT_EXPIRE_PASSWD)
    locked = make_user()
    for i in range(3):
        try:
            lanman.NetUserGetInfo(server, locked, 0, creds=lanman.Credentials(
                locked, f"Wr0ng-{i}-x", D)).free()
        except lanman.NetApiError:
            pass
    expired = make_user()
    lanman.NetUserSetInfo(server, expired, 1017, {"acct_expires": 946684800})   # 2000-01-01
    time.sleep(1.1)
    reports = {}
    for lang in LANGS:
        r = report(example, lang, "stale_accounts", "--format", "json", "--days", "0")
        acc = {a["name"]: a for a in r["accounts"]}
        assert acc[logged_on]["findings"] == ["inactive"]
        assert acc[logged_on]["last_logon"].endswith("Z")
        assert acc[forever]["findings"] == ["never_logged_on", "password_never_expires"]
        assert acc[locked]["findings"] == ["never_logged_on", "locked_out"]
        assert acc[expired]["findings"] == ["never_logged_on", "expired"]
        assert acc["carol"]["findings"] == ["never_logged_on", "disabled"]
        assert acc["Guest"]["findings"] == ["never_logged_on", "password_never_expires",
                                            "password_not_required", "disabled"]
        assert r["summary"]["locked_out"] >= 1 and r["summary"]["inactive"] >= 1
        assert r["summary"]["disabled"] == sum("disabled" in a["findings"]
                                               for a in r["accounts"])
        # with 90 days, a logon a second ago is no finding
        r90 = report(example, lang, "stale_accounts", "--format", "json")
        assert logged_on not in {a["name"] for a in r90["accounts"]}
        assert r90["days"] == 90
        text = ok(example(lang, "stale_accounts", "--days", "0"))
        assert f"{locked} " in text and "never_logged_on, locked_out" in text
        assert "\nlocked_out: " in text and "inactive means no logon for more than 0 days" \
            in text
        r.pop("server_time")
        reports[lang] = r
    assert reports["python"] == reports["lua"]
    assert example("lua", "stale_accounts", "--days", "-1").returncode == 2
    assert example("python", "stale_accounts", "--days", "-1").returncode == 2


# ---- 3. bulk provisioning ------------------------------------------------------

def write_csv(path, rows, fields=("name", "full_name", "comment", "disabled", "groups")):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(fields))
        w.writeheader()
        for r in rows:
            w.writerow(r)
    os.chmod(path, 0o600)


@pytest.mark.parametrize("lang", LANGS)
def test_provision(example, dc, server, lang, tmp_path):
    a, b = unique("prova"), unique("provb")
    group = unique("provg")
    lanman.NetGroupAdd(server, 1, {"name": group, "comment": "provision test"})
    table = tmp_path / "users.csv"
    write_csv(table, [
        {"name": a, "full_name": "Prov, A", "comment": "first", "disabled": "no",
         "groups": f"{group};lanman-ops"},
        {"name": b, "full_name": "Prov B", "comment": "", "disabled": "yes", "groups": ""},
    ])
    env = base_env(dc, LANMAN_NEW_PASSWORD=PW)
    try:
        # dry run: what would change, nothing changed
        out = ok(example(lang, "provision", str(table), "--dry-run", env=env))
        assert out.splitlines() == [
            f'would create {a}: full_name="Prov, A", comment="first"',
            f"would join {a}: lanman-ops",
            f"would join {a}: {group}",
            f'would create {b}: full_name="Prov B", disabled',
            "summary: 2 created, 0 updated, 0 unchanged, 0 failed (dry run: nothing changed)",
        ]
        with pytest.raises(lanman.NetApiError):
            lanman.NetUserGetInfo(server, a, 0)
        # the real run
        r = report(example, lang, "provision", str(table), "--format", "json", env=env)
        assert r["summary"] == {"created": 2, "updated": 0, "unchanged": 0, "failed": 0}
        assert {(c["user"], c["action"]) for c in r["changes"]} == {
            (a, "create"), (a, "join"), (b, "create")}
        with lanman.NetUserGetInfo(server, a, 2) as buf:
            ua = buf[0]
        assert (ua["full_name"], ua["comment"]) == ("Prov, A", "first")
        assert not ua["flags"] & lanman.UF_ACCOUNTDISABLE
        with lanman.NetUserGetInfo(server, b, 20) as buf:
            assert buf[0]["flags"] & lanman.UF_ACCOUNTDISABLE
        buf, _ = lanman.NetUserGetGroups(server, a, 0)
        with buf:
            assert {g["name"] for g in buf} == {"Domain Users", "lanman-ops", group}
        creds = lanman.Credentials(a, PW, dc["LANMAN_TEST_DOMAIN"])
        lanman.NetUserGetInfo(server, a, 0, creds=creds).free()
        # idempotent: nothing to do the second time
        out = ok(example(lang, "provision", str(table), env=env))
        assert out == "summary: 0 created, 0 updated, 2 unchanged, 0 failed\n"
        # a change: comment, enable b, leave a group with --prune-groups
        write_csv(table, [
            {"name": a, "full_name": "Prov, A", "comment": "second", "disabled": "",
             "groups": group},
            {"name": b, "full_name": "", "comment": "", "disabled": "no", "groups": ""},
        ])
        out = ok(example(lang, "provision", str(table), "--prune-groups", env=env))
        assert out.splitlines() == [
            f'set {a}: comment: "first" -> "second"',
            f"leave {a}: lanman-ops",
            f"enable {b}:",
            "summary: 0 created, 2 updated, 0 unchanged, 0 failed",
        ]
        buf, _ = lanman.NetUserGetGroups(server, a, 0)
        with buf:
            assert {g["name"] for g in buf} == {"Domain Users", group}
        with lanman.NetUserGetInfo(server, b, 20) as buf:
            assert not buf[0]["flags"] & lanman.UF_ACCOUNTDISABLE
        # a failing row: exit 1, the others still done
        write_csv(table, [{"name": a, "groups": "no-such-group-x"},
                          {"name": b, "comment": "still done"}])
        cp = example(lang, "provision", str(table), env=env)
        assert cp.returncode == 1 and "line 2" in cp.stderr and a in cp.stderr
        assert "1 updated, 0 unchanged, 1 failed" in cp.stdout
        # a password column: the file must be private; passwords never shown
        pw_table = tmp_path / "pw.csv"
        c = unique("provc")
        write_csv(pw_table, [{"name": c, "password": PW}], fields=("name", "password"))
        os.chmod(pw_table, 0o644)
        cp = example(lang, "provision", str(pw_table), env=base_env(dc))
        assert cp.returncode == 2 and "group or others" in cp.stderr
        os.chmod(pw_table, 0o600)
        ok(example(lang, "provision", str(pw_table), env=base_env(dc)))
        lanman.NetUserGetInfo(server, c, 0, creds=lanman.Credentials(
            c, PW, dc["LANMAN_TEST_DOMAIN"])).free()
        lanman.NetUserDel(server, c)
        # no password for a new user and no terminal: a usage error
        write_csv(table, [{"name": unique("provd")}], fields=("name",))
        cp = example(lang, "provision", str(table), env=base_env(dc))
        assert cp.returncode == 2 and "LANMAN_NEW_PASSWORD" in cp.stderr
    finally:
        for u in (a, b):
            try:
                lanman.NetUserDel(server, u)
            except lanman.NetApiError:
                pass
        lanman.NetGroupDel(server, group)


# ---- 4. privileged membership --------------------------------------------------

@pytest.fixture
def nested(server, dc, make_user):
    """Backup Operators > DOMAIN\\alias > DOMAIN\\group > a disabled user."""
    D = dc["LANMAN_TEST_DOMAIN"]
    user = make_user(flags=lanman.UF_SCRIPT | lanman.UF_ACCOUNTDISABLE)
    group, alias = unique("nestg"), unique("nesta")
    lanman.NetGroupAdd(server, 1, {"name": group})
    lanman.NetLocalGroupAdd(server, 1, {"name": alias})
    lanman.NetGroupAddUser(server, group, user)
    lanman.NetLocalGroupAddMembers(server, alias, 3, [{"domainandname": f"{D}\\{group}"}])
    lanman.NetLocalGroupAddMembers(server, "Backup Operators", 3,
                                   [{"domainandname": f"{D}\\{alias}"}])
    yield user, group, alias
    try:
        lanman.NetLocalGroupDelMembers(server, "Backup Operators", 3,
                                       [{"domainandname": f"{D}\\{alias}"}])
    finally:
        lanman.NetLocalGroupDel(server, alias)
        lanman.NetGroupDel(server, group)


def test_privileged_audit(example, dc, nested):
    D = dc["LANMAN_TEST_DOMAIN"]
    user, group, alias = nested
    reports = {}
    for lang in LANGS:
        r = report(example, lang, "privileged_audit", "--format", "json", "--group", group)
        assert r["domain"] == D
        g = {x["name"]: x for x in r["groups"]}
        assert list(g)[:5] == ["Administrators", "Account Operators", "Server Operators",
                               "Backup Operators", "Print Operators"]
        admins = g["Administrators"]["members"]
        assert {"name": f"{D}\\Administrator", "type": "user", "via": [f"{D}\\Domain Admins"],
                "disabled": False} in admins
        assert g["Domain Admins"]["kind"] == "global"
        assert g["Domain Admins"]["members"] == [{"name": f"{D}\\Administrator",
                                                  "type": "user", "via": [],
                                                  "disabled": False}]
        assert g["Backup Operators"]["members"] == [{
            "name": f"{D}\\{user}", "type": "user", "via": [f"{D}\\{alias}", f"{D}\\{group}"],
            "disabled": True}]
        assert g[group] == {"name": group, "kind": "global", "members": [{
            "name": f"{D}\\{user}", "type": "user", "via": [], "disabled": True}]}
        text = ok(example(lang, "privileged_audit"))
        assert f"  {D}\\{user}  [user]  DISABLED  via {D}\\{alias} > {D}\\{group}" in text
        assert "Backup Operators (local group): 1 members" in text
        reports[lang] = r
    assert reports["python"] == reports["lua"]
    for lang in LANGS:
        cp = example(lang, "privileged_audit", "--group", "no-such-group-x")
        assert cp.returncode == 2 and "no-such-group-x" in cp.stderr


# ---- 5. shares and their security descriptors ----------------------------------

def test_share_audit(example, dc):
    reports = {}
    for lang in LANGS:
        r = report(example, lang, "share_audit", "--format", "json")
        sh = {s["netname"]: s for s in r["shares"]}
        mine = sh[dc["LANMAN_TEST_SHARE"]]
        assert (mine["remark"], mine["max_uses"], mine["type_name"]) == \
            ("lanman test share", 10, "disk")
        assert mine["path"].endswith(dc["LANMAN_TEST_SHARE"])
        assert sh["IPC$"]["type_name"] == "ipc special"
        for s in r["shares"]:
            if s["security"] is None:
                # Samba's libnetapi cannot read level 502: every share says why
                assert s["security_error"].startswith("NetShareEnum level 502: 50 "
                                                      "ERROR_NOT_SUPPORTED")
            else:
                assert {"owner", "group", "dacl"} <= set(s["security"])
            s.pop("current_uses")
        text = ok(example(lang, "share_audit"))
        assert f"{dc['LANMAN_TEST_SHARE']} (disk)\n" in text and "  uses:    " in text
        reports[lang] = r
    assert reports["python"] == reports["lua"]


SDDL = ("O:BAG:DUD:(A;;0x1f01ff;;;WD)(A;OICI;0x1301bf;;;{dom}-1105)"
        "(D;;0x1f01ff;;;AN)(A;CIIO;0x1200a9;;;DA)")


def sd_from_samba(sddl, domain_sid):
    """A self-relative security descriptor made by Samba's own Python
    bindings from SDDL."""
    code = ("import sys\nfrom samba.dcerpc import security\nfrom samba.ndr import ndr_pack\n"
            "sd = security.descriptor.from_sddl(sys.argv[1], security.dom_sid(sys.argv[2]))\n"
            "sys.stdout.write(ndr_pack(sd).hex())\n")
    out = subprocess.run(["/usr/bin/python3", "-c", code, sddl, domain_sid],
                         capture_output=True, text=True, check=True).stdout
    return bytes.fromhex(out)


def test_security_descriptor_decoder_both_languages(server, lua_paths):
    with lanman.NetUserModalsGet(server, 2) as buf:
        dom = buf[0]
    sid, name = dom["domain_id"], dom["domain_name"]
    blob = sd_from_samba(SDDL.format(dom=sid), sid)
    sys.path.insert(0, str(EXAMPLES / "python"))
    try:
        import examplelib
    finally:
        sys.path.pop(0)
    py = examplelib.decode_sd(blob, sid, name)
    assert py["owner"] == {"sid": "S-1-5-32-544", "name": "BUILTIN\\Administrators"}
    assert py["group"] == {"sid": f"{sid}-513", "name": f"{name}\\Domain Users"}
    assert [(a["type"], a["access"], a["sid"], a["name"], a["flags"]) for a in py["dacl"]] == [
        ("allow", "FULL", "S-1-1-0", "Everyone", []),
        ("allow", "CHANGE", f"{sid}-1105", None, ["OBJECT_INHERIT", "CONTAINER_INHERIT"]),
        ("deny", "FULL", "S-1-5-7", "NT AUTHORITY\\ANONYMOUS LOGON", []),
        ("allow", "READ", f"{sid}-512", f"{name}\\Domain Admins",
         ["CONTAINER_INHERIT", "INHERIT_ONLY"]),
    ]
    assert examplelib.ace_text(py["dacl"][0]) == "allow FULL to Everyone (S-1-1-0)"
    # the Lua decoder gives the same
    script = textwrap.dedent(f"""\
        package.path = {json.dumps(str(EXAMPLES / 'lua'))} .. "/?.lua;" .. package.path
        local ex = require "examplelib"
        local hex = io.read("a")
        local blob = hex:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)
        io.write(ex.json(ex.decode_sd(blob, {json.dumps(sid)}, {json.dumps(name)})))
        """)
    cp = subprocess.run(["lua5.4", "-e", script], input=blob.hex(), capture_output=True,
                        text=True, env=dict(os.environ, **lua_paths))
    assert cp.returncode == 0, cp.stderr
    assert json.loads(cp.stdout) == py
    with pytest.raises(ValueError):
        examplelib.decode_sd(b"\x01\x00")


# ---- 6. password policy --------------------------------------------------------

def test_password_policy(example, server):
    reports = {}
    for lang in LANGS:
        r = report(example, lang, "password_policy", "--format", "json")
        assert r["min_passwd_len"] == 7 and r["max_passwd_age"] == 42 * 86400
        assert r["role_name"] == "primary" and r["domain_id"].startswith("S-1-5-21-")
        assert r["findings"] == ["minimum password length 7 is below 8",
                                 "no account lockout (lockout_threshold 0)"]
        assert report(example, lang, "password_policy", "--format", "json",
                      "--min-length", "6")["findings"] == [
            "no account lockout (lockout_threshold 0)"]
        text = ok(example(lang, "password_policy"))
        assert "max_passwd_age              42 days" in text
        assert "lockout_duration            30 minutes" in text
        assert "  - no account lockout (lockout_threshold 0)" in text
        reports[lang] = r
    assert reports["python"] == reports["lua"]
    # another policy, other findings
    with lanman.NetUserModalsGet(server, 0) as buf:
        m0 = buf[0]
    with lanman.NetUserModalsGet(server, 3) as buf:
        m3 = buf[0]
    lanman.NetUserModalsSet(server, 0, dict(m0, min_passwd_len=12, max_passwd_age=0xFFFFFFFF,
                                            min_passwd_age=0, password_hist_len=2))
    lanman.NetUserModalsSet(server, 3, dict(m3, lockout_threshold=5))
    try:
        for lang in LANGS:
            r = report(example, lang, "password_policy", "--format", "json")
            assert r["findings"] == [
                "passwords never expire (max_passwd_age)",
                "password history keeps only 2 passwords",
                "no minimum password age: the history can be cycled at once"]
            assert "max_passwd_age              never" in ok(example(lang, "password_policy"))
    finally:
        lanman.NetUserModalsSet(server, 0, m0)
        lanman.NetUserModalsSet(server, 3, m3)


@pytest.mark.parametrize("lang", LANGS)
def test_password_prompt_on_the_terminal(dc, server, lang, lua_paths):
    env = base_env(dc, **lua_paths)
    del env["LANMAN_PASSWORD"]
    if lang == "python":
        argv = [sys.executable, EXAMPLES / "python" / "password_policy.py"]
    else:
        argv = ["lua5.4", EXAMPLES / "lua" / "password_policy.lua"]
    pw = dc["LANMAN_TEST_PASSWORD"]
    rc, tty, answered = _prompted_run(argv + ["-S", server, "-U", admin(dc)], env, pw)
    assert answered and rc == 0, tty
    assert f"Password for {admin(dc)}:" in tty and "min_passwd_len" in tty
    assert pw not in tty
