"""The domain calls -- DC discovery, domain membership, offline join,
remote shutdown -- named and ordered as in C (see _calls.py).

None takes an info level; each returns a :class:`lanman.Buffer` of one
fixed level: DsGetDcName one DOMAIN_CONTROLLER_INFO record (keys as
pywin32's ``win32security.DsGetDcName``: ``DomainControllerName``, ...,
``DomainGuid`` as ``"{XXXXXXXX-...}"`` text), NetGetDCName and
NetGetAnyDCName one ``{"dc_name": ...}`` record, NetGetJoinInformation one
``{"name": ..., "status": NetSetup*}`` record, NetGetJoinableOUs one
``{"ou": ...}`` record per OU, NetProvisionComputerAccount one
``{"provision_text_data": base64}`` record.

``server=None`` means the local machine: NetJoinDomain, NetUnjoinDomain,
NetRenameMachineInDomain, NetRequestOfflineDomainJoin (always local) and
NetShutdownInit then act on THIS machine, so their ``server`` has no
default.
"""
from . import _checks as check
from . import _lanman_core as _core
from ._buffer import Buffer
from ._calls import creds_of, server_of

__all__ = ['DsGetDcName', 'NetGetDCName', 'NetGetAnyDCName',
           'NetGetJoinInformation', 'NetGetJoinableOUs', 'NetJoinDomain',
           'NetUnjoinDomain', 'NetRenameMachineInDomain',
           'NetProvisionComputerAccount', 'NetRequestOfflineDomainJoin',
           'NetShutdownInit', 'NetShutdownAbort']


def _opt(fn, name, value):
    return check.text(fn, name, value, optional=True)


def DsGetDcName(server=None, domain=None, domain_guid=None, site_name=None,
                flags=0, *, creds=None):
    fn = "DsGetDcName"
    return Buffer(_core.DsGetDcName(
        creds_of(fn, creds), server_of(fn, server), _opt(fn, "domain", domain),
        _opt(fn, "domain_guid", domain_guid), _opt(fn, "site_name", site_name),
        check.u32(fn, "flags", flags)))


def NetGetDCName(server=None, domain=None, *, creds=None):
    fn = "NetGetDCName"
    return Buffer(_core.NetGetDCName(creds_of(fn, creds), server_of(fn, server),
                                     _opt(fn, "domain", domain)))


def NetGetAnyDCName(server=None, domain=None, *, creds=None):
    fn = "NetGetAnyDCName"
    return Buffer(_core.NetGetAnyDCName(creds_of(fn, creds), server_of(fn, server),
                                        _opt(fn, "domain", domain)))


def NetGetJoinInformation(server=None, *, creds=None):
    fn = "NetGetJoinInformation"
    return Buffer(_core.NetGetJoinInformation(creds_of(fn, creds),
                                              server_of(fn, server)))


def NetGetJoinableOUs(server, domain, account=None, password=None, *, creds=None):
    fn = "NetGetJoinableOUs"
    return Buffer(_core.NetGetJoinableOUs(
        creds_of(fn, creds), server_of(fn, server), check.text(fn, "domain", domain),
        _opt(fn, "account", account), _opt(fn, "password", password)))


def NetJoinDomain(server, domain, account_ou=None, account=None, password=None,
                  join_flags=0, *, creds=None):
    fn = "NetJoinDomain"
    _core.NetJoinDomain(
        creds_of(fn, creds), server_of(fn, server), check.text(fn, "domain", domain),
        _opt(fn, "account_ou", account_ou), _opt(fn, "account", account),
        _opt(fn, "password", password), check.u32(fn, "join_flags", join_flags))


def NetUnjoinDomain(server, account=None, password=None, unjoin_flags=0, *,
                    creds=None):
    fn = "NetUnjoinDomain"
    _core.NetUnjoinDomain(
        creds_of(fn, creds), server_of(fn, server), _opt(fn, "account", account),
        _opt(fn, "password", password), check.u32(fn, "unjoin_flags", unjoin_flags))


def NetRenameMachineInDomain(server, new_machine_name, account=None,
                             password=None, rename_options=0, *, creds=None):
    fn = "NetRenameMachineInDomain"
    _core.NetRenameMachineInDomain(
        creds_of(fn, creds), server_of(fn, server),
        _opt(fn, "new_machine_name", new_machine_name), _opt(fn, "account", account),
        _opt(fn, "password", password), check.u32(fn, "rename_options", rename_options))


def NetProvisionComputerAccount(domain, machine_name, machine_account_ou=None,
                                dcname=None, options=0, *, creds=None):
    fn = "NetProvisionComputerAccount"
    return Buffer(_core.NetProvisionComputerAccount(
        creds_of(fn, creds), check.text(fn, "domain", domain),
        check.text(fn, "machine_name", machine_name),
        _opt(fn, "machine_account_ou", machine_account_ou),
        _opt(fn, "dcname", dcname), check.u32(fn, "options", options)))


def NetRequestOfflineDomainJoin(provision_bin_data, options=0, windows_path=None,
                                *, creds=None):
    """Joins THIS machine from a NetProvisionComputerAccount blob: bytes (a
    djoin file's content) or str (the base64 text, sent as UTF-8)."""
    fn = "NetRequestOfflineDomainJoin"
    if isinstance(provision_bin_data, str):
        check.text(fn, "provision_bin_data", provision_bin_data)
        provision_bin_data = provision_bin_data.encode("utf-8")
    elif isinstance(provision_bin_data, (bytearray, memoryview)):
        provision_bin_data = bytes(provision_bin_data)
    elif not isinstance(provision_bin_data, bytes):
        raise TypeError(f"{fn}: argument 'provision_bin_data' must be bytes or "
                        f"str, not {type(provision_bin_data).__name__}")
    _core.NetRequestOfflineDomainJoin(
        creds_of(fn, creds), provision_bin_data, check.u32(fn, "options", options),
        _opt(fn, "windows_path", windows_path))


def NetShutdownInit(server, message=None, timeout=0, force_apps=False,
                    do_reboot=False, *, creds=None):
    fn = "NetShutdownInit"
    _core.NetShutdownInit(
        creds_of(fn, creds), server_of(fn, server), _opt(fn, "message", message),
        check.u32(fn, "timeout", timeout), int(check.flag(fn, "force_apps", force_apps)),
        int(check.flag(fn, "do_reboot", do_reboot)))


def NetShutdownAbort(server, *, creds=None):
    fn = "NetShutdownAbort"
    _core.NetShutdownAbort(creds_of(fn, creds), server_of(fn, server))
