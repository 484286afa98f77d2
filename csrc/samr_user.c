/*
** samr_user.c -- user calls over SAMR, for what Samba's libnetapi does not
** do or does wrong (see samr_user.h and shim_samba_user.c):
**
**   - NetUserChangePassword is a stub in libnetapi (50, nothing sent);
**   - NetUserGetLocalGroups looks the account domain's aliases up in the
**     Builtin domain and fails with 1301 for any user in a domain-local
**     group (Administrator, krbtgt on a DC), and ignores LG_INCLUDE_INDIRECT;
**   - NetUserSetInfo answers 50 or 124 for most levels (1, 2, 4, 1005,
**     1008, 1010, 1013, 1017, 1018, 1020, 1023, 1025) and NetUserAdd for
**     levels 2-4, and where it sets account flags it stores the UF_* bits
**     unconverted as ACB_* bits (UF_SCRIPT | UF_NORMAL_ACCOUNT becomes
**     "disabled, password never expires").
**
** It uses only Samba's public client libraries (samba-dev): dcerpc_pipe_
** connect (dcerpc), the generic dcerpc_binding_handle_call with the SAMR
** NDR table (ndr_standard) -- Debian's libdcerpc-samr is an empty stub and
** the generated dcerpc_samr_* functions live in a private library -- and
** credentials/loadparm (samba-credentials, samba-hostconfig).  The
** password-change crypto (RC4, DES, MD4; MS-SAMR 3.1.5.10.3) is Nettle's.
**
** Each call opens its own connection and frees everything it allocated
** before returning; the caller (the context owner) holds the one lock.
*/
#ifndef _WIN32
#define _GNU_SOURCE 1                   /* as Samba's own cflags say */
#define HAVE_IMMEDIATE_STRUCTURES 1

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wsign-compare"
#include <talloc.h>
#include <tevent.h>
#include <util/data_blob.h>
#include <core/ntstatus.h>
#include <credentials.h>
#include <param.h>
#include <dcerpc.h>
#include <gen_ndr/ndr_samr.h>
#pragma GCC diagnostic pop

#include <nettle/arcfour.h>
#include <nettle/des.h>
#include <nettle/md4.h>

#include "internal.h"
#include "platform.h"
#include "samr_user.h"

/* ---- NTSTATUS -> NET_API_STATUS, as netapi32 reports them ---- */

static const struct {
    uint32_t nt;
    uint32_t code;
} status_map[] = {
    {0xC0000022, 5},      /* ACCESS_DENIED -> ERROR_ACCESS_DENIED */
    {0xC0000064, 2221},   /* NO_SUCH_USER -> NERR_UserNotFound */
    {0xC0000073, 2221},   /* NONE_MAPPED (the name) -> NERR_UserNotFound */
    {0xC0000066, 2220},   /* NO_SUCH_GROUP -> NERR_GroupNotFound */
    {0xC000006A, 86},     /* WRONG_PASSWORD -> ERROR_INVALID_PASSWORD */
    {0xC000006C, 2245},   /* PASSWORD_RESTRICTION -> NERR_PasswordTooShort */
    {0xC000006D, 1326},   /* LOGON_FAILURE */
    {0xC000006E, 1327},   /* ACCOUNT_RESTRICTION */
    {0xC0000071, 1330},   /* PASSWORD_EXPIRED */
    {0xC0000072, 1331},   /* ACCOUNT_DISABLED */
    {0xC0000193, 1793},   /* ACCOUNT_EXPIRED */
    {0xC0000224, 1907},   /* PASSWORD_MUST_CHANGE */
    {0xC0000234, 1909},   /* ACCOUNT_LOCKED_OUT */
    {0xC000000D, 87},     /* INVALID_PARAMETER */
    {0xC0000003, 124},    /* INVALID_INFO_CLASS -> ERROR_INVALID_LEVEL */
    {0xC0000017, 8},      /* NO_MEMORY */
    {0xC0000236, 1225},   /* CONNECTION_REFUSED */
    {0xC000023D, 1232},   /* HOST_UNREACHABLE */
    {0xC000023C, 1231},   /* NETWORK_UNREACHABLE */
    {0xC00000B5, 121},    /* IO_TIMEOUT -> ERROR_SEM_TIMEOUT */
    {0xC0020017, 1722},   /* RPC_NT_SERVER_UNAVAILABLE */
    {0xC0000034, 53},     /* OBJECT_NAME_NOT_FOUND (no such host) */
};

/* Maps st, printing what failed (captured into the error message). */
static uint32_t fail(const char *what, NTSTATUS st) {
    uint32_t nt = NT_STATUS_V(st), code = 1326;   /* overwritten below */
    size_t i;
    for (i = 0; i < sizeof status_map / sizeof status_map[0]; i++)
        if (status_map[i].nt == nt) break;
    code = i < sizeof status_map / sizeof status_map[0]
               ? status_map[i].code
               : 2140;   /* NERR_InternalError: unknown to this table */
    printf("SAMR %s failed: NTSTATUS 0x%08lX\n", what, (unsigned long)nt);
    return code;
}

/* ---- one SAMR connection ---- */

typedef struct samr_conn {
    TALLOC_CTX *mem;
    struct tevent_context *ev;
    struct dcerpc_pipe *pipe;
    struct dcerpc_binding_handle *b;
    struct policy_handle connect, domain, builtin;
    struct dom_sid *domain_sid;
} samr_conn;

static struct loadparm_context *global_lp(void) {
    static struct loadparm_context *lp;   /* under the context lock */
    if (lp == NULL) {
        /* No smb.conf: Samba's defaults, like the rest of lanman. */
        lp = loadparm_init_global(false);
        if (lp != NULL && !NT_STATUS_IS_OK(dcerpc_init())) lp = NULL;
    }
    return lp;
}

static NTSTATUS call(samr_conn *c, uint32_t opnum, void *r) {
    return dcerpc_binding_handle_call(c->b, NULL, &ndr_table_samr, opnum,
                                      c->mem, r);
}

/* Connects to server's SAMR pipe as cr (anonymous if cr->user is NULL). */
static uint32_t conn_open(samr_conn *c, const char *server,
                          const lm_samr_creds *cr) {
    memset(c, 0, sizeof *c);
    struct loadparm_context *lp = global_lp();
    if (lp == NULL) {
        printf("SAMR: Samba's client libraries did not initialise\n");
        return 2140;
    }
    c->mem = talloc_new(NULL);
    c->ev = c->mem ? tevent_context_init(c->mem) : NULL;
    struct cli_credentials *creds = c->mem ? cli_credentials_init(c->mem) : NULL;
    if (c->ev == NULL || creds == NULL) return 8;
    cli_credentials_set_conf(creds, lp);
    if (cr == NULL || cr->user == NULL || *cr->user == '\0') {
        cli_credentials_set_anonymous(creds);
    } else {
        /* "DOMAIN\user" and "user@realm" set the domain themselves. */
        if (cr->domain && *cr->domain)
            cli_credentials_set_domain(creds, cr->domain, CRED_SPECIFIED);
        cli_credentials_parse_string(creds, cr->user, CRED_SPECIFIED);
        cli_credentials_set_password(creds, cr->password ? cr->password : "",
                                     CRED_SPECIFIED);
        cli_credentials_set_kerberos_state(
            creds,
            cr->kerberos ? CRED_USE_KERBEROS_REQUIRED
                         : CRED_USE_KERBEROS_DISABLED,
            CRED_SPECIFIED);
    }
    const char *binding = talloc_asprintf(c->mem, "ncacn_np:%s",
                                          server ? server : "localhost");
    NTSTATUS st = binding ? dcerpc_pipe_connect(c->mem, &c->pipe, binding,
                                                &ndr_table_samr, creds, c->ev,
                                                lp)
                          : NT_STATUS_NO_MEMORY;
    if (!NT_STATUS_IS_OK(st)) return fail("connect", st);
    c->b = c->pipe->binding_handle;

    struct samr_Connect2 r = {0};
    r.in.system_name = talloc_asprintf(c->mem, "\\\\%s",
                                       server ? server : "localhost");
    r.in.access_mask = SAMR_ACCESS_ENUM_DOMAINS | SAMR_ACCESS_LOOKUP_DOMAIN;
    r.out.connect_handle = &c->connect;
    st = call(c, NDR_SAMR_CONNECT2, &r);
    if (NT_STATUS_IS_OK(st)) st = r.out.result;
    return NT_STATUS_IS_OK(st) ? 0 : fail("Connect2", st);
}

static void conn_close(samr_conn *c) {
    talloc_free(c->mem);   /* the pipe, and with it the server's handles */
    c->mem = NULL;
}

/* Opens the account domain (the one that is not Builtin). */
static uint32_t open_domain(samr_conn *c, uint32_t access) {
    uint32_t resume = 0, n = 0;
    struct samr_SamArray *sam = NULL;
    struct samr_EnumDomains e = {0};
    e.in.connect_handle = &c->connect;
    e.in.buf_size = 0xFFFFFFFF;
    e.in.resume_handle = &resume;
    e.out.resume_handle = &resume;
    e.out.sam = &sam;
    e.out.num_entries = &n;
    NTSTATUS st = call(c, NDR_SAMR_ENUMDOMAINS, &e);
    if (NT_STATUS_IS_OK(st)) st = e.out.result;
    if (!NT_STATUS_IS_OK(st)) return fail("EnumDomains", st);
    const char *name = NULL;
    for (uint32_t i = 0; sam && i < sam->count; i++)
        if (sam->entries[i].name.string &&
            strcasecmp(sam->entries[i].name.string, "Builtin") != 0)
            name = sam->entries[i].name.string;
    if (name == NULL) {
        printf("SAMR: the server lists no account domain\n");
        return 2140;
    }
    struct lsa_String dn = {.string = name};
    struct dom_sid2 *sid = NULL;
    struct samr_LookupDomain l = {0};
    l.in.connect_handle = &c->connect;
    l.in.domain_name = &dn;
    l.out.sid = &sid;
    st = call(c, NDR_SAMR_LOOKUPDOMAIN, &l);
    if (NT_STATUS_IS_OK(st)) st = l.out.result;
    if (!NT_STATUS_IS_OK(st)) return fail("LookupDomain", st);
    c->domain_sid = sid;
    struct samr_OpenDomain o = {0};
    o.in.connect_handle = &c->connect;
    o.in.access_mask = access;
    o.in.sid = sid;
    o.out.domain_handle = &c->domain;
    st = call(c, NDR_SAMR_OPENDOMAIN, &o);
    if (NT_STATUS_IS_OK(st)) st = o.out.result;
    return NT_STATUS_IS_OK(st) ? 0 : fail("OpenDomain", st);
}

static uint32_t open_builtin(samr_conn *c, uint32_t access) {
    static struct dom_sid builtin = {1, 1, {0, 0, 0, 0, 0, 5}, {32}};
    struct samr_OpenDomain o = {0};
    o.in.connect_handle = &c->connect;
    o.in.access_mask = access;
    o.in.sid = &builtin;
    o.out.domain_handle = &c->builtin;
    NTSTATUS st = call(c, NDR_SAMR_OPENDOMAIN, &o);
    if (NT_STATUS_IS_OK(st)) st = o.out.result;
    return NT_STATUS_IS_OK(st) ? 0 : fail("OpenDomain(Builtin)", st);
}

/* "DOMAIN\user" -> "user": SAMR looks names up within one domain. */
static const char *bare_name(const char *name) {
    const char *s = strrchr(name, '\\');
    return s ? s + 1 : name;
}

/* The RID of user `name` in the account domain. */
static uint32_t lookup_user(samr_conn *c, const char *name, uint32_t *rid) {
    struct lsa_String n = {.string = bare_name(name)};
    struct samr_Ids rids = {0}, types = {0};
    struct samr_LookupNames l = {0};
    l.in.domain_handle = &c->domain;
    l.in.num_names = 1;
    l.in.names = &n;
    l.out.rids = &rids;
    l.out.types = &types;
    NTSTATUS st = call(c, NDR_SAMR_LOOKUPNAMES, &l);
    if (NT_STATUS_IS_OK(st)) st = l.out.result;
    if (!NT_STATUS_IS_OK(st)) return fail("LookupNames", st);
    if (rids.count != 1 || types.count != 1 || types.ids[0] != 1 /* user */) {
        printf("SAMR: '%s' is not a user account\n", n.string);
        return 2221;   /* NERR_UserNotFound */
    }
    *rid = rids.ids[0];
    return 0;
}

static uint32_t open_user(samr_conn *c, uint32_t rid, uint32_t access,
                          struct policy_handle *h) {
    struct samr_OpenUser o = {0};
    o.in.domain_handle = &c->domain;
    o.in.access_mask = access;
    o.in.rid = rid;
    o.out.user_handle = h;
    NTSTATUS st = call(c, NDR_SAMR_OPENUSER, &o);
    if (NT_STATUS_IS_OK(st)) st = o.out.result;
    return NT_STATUS_IS_OK(st) ? 0 : fail("OpenUser", st);
}

/* ---- text ---- */

/* UTF-8 (checked by the calls layer) -> UTF-16LE bytes; returns the byte
** count, or -1 if it does not fit in max bytes. */
static long utf16le(const char *s, uint8_t *out, size_t max) {
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p) {
        uint32_t cp;
        int extra;
        if (*p < 0x80) cp = *p, extra = 0;
        else if (*p < 0xE0) cp = *p & 0x1F, extra = 1;
        else if (*p < 0xF0) cp = *p & 0x0F, extra = 2;
        else cp = *p & 0x07, extra = 3;
        p++;
        for (int i = 0; i < extra && *p; i++, p++) cp = (cp << 6) | (*p & 0x3F);
        uint16_t units[2];
        int nu = 1;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            units[0] = (uint16_t)(0xD800 | (cp >> 10));
            units[1] = (uint16_t)(0xDC00 | (cp & 0x3FF));
            nu = 2;
        } else {
            units[0] = (uint16_t)cp;
        }
        for (int i = 0; i < nu; i++) {
            if (n + 2 > max) return -1;
            out[n++] = (uint8_t)(units[i] & 0xFF);
            out[n++] = (uint8_t)(units[i] >> 8);
        }
    }
    return (long)n;
}

/* The NT one-way function: MD4 of the UTF-16LE password. */
static int nt_owf(const char *password, uint8_t hash[16]) {
    uint8_t buf[512];
    long n = utf16le(password, buf, sizeof buf);
    if (n < 0) return -1;
    struct md4_ctx md;
    md4_init(&md);
    md4_update(&md, (size_t)n, buf);
    md4_digest(&md, 16, hash);
    lm_wipe(buf, sizeof buf);
    return 0;
}

/* DES-ECB of one block with a 7-byte key (MS-SAMR 2.2.11.1.2). */
static void des7(uint8_t out[8], const uint8_t in[8], const uint8_t k7[7]) {
    uint8_t k[8];
    k[0] = k7[0] >> 1;
    k[1] = (uint8_t)(((k7[0] & 0x01) << 6) | (k7[1] >> 2));
    k[2] = (uint8_t)(((k7[1] & 0x03) << 5) | (k7[2] >> 3));
    k[3] = (uint8_t)(((k7[2] & 0x07) << 4) | (k7[3] >> 4));
    k[4] = (uint8_t)(((k7[3] & 0x0F) << 3) | (k7[4] >> 5));
    k[5] = (uint8_t)(((k7[4] & 0x1F) << 2) | (k7[5] >> 6));
    k[6] = (uint8_t)(((k7[5] & 0x3F) << 1) | (k7[6] >> 7));
    k[7] = k7[6] & 0x7F;
    for (int i = 0; i < 8; i++) k[i] = (uint8_t)(k[i] << 1);
    des_fix_parity(8, k, k);
    struct des_ctx d;
    des_set_key(&d, k);   /* 0 only for weak keys, which still encrypt */
    des_encrypt(&d, 8, out, in);
    lm_wipe(k, sizeof k);
    lm_wipe(&d, sizeof d);
}

/* ---- the account flags ---- */

/* UF_* (lmaccess.h) -> ACB_* (samr.idl), as Samba's ds_uf2acb maps them;
** UF_SCRIPT and UF_PASSWD_CANT_CHANGE (a DACL on NT, not a flag) have no
** ACB bit. */
static uint32_t uf_to_acb(uint32_t uf) {
    static const uint32_t map[][2] = {
        {0x00000002, 0x00000001}, /* ACCOUNTDISABLE -> DISABLED */
        {0x00000008, 0x00000002}, /* HOMEDIR_REQUIRED -> HOMDIRREQ */
        {0x00000020, 0x00000004}, /* PASSWD_NOTREQD -> PWNOTREQ */
        {0x00000100, 0x00000008}, /* TEMP_DUPLICATE_ACCOUNT -> TEMPDUP */
        {0x00000200, 0x00000010}, /* NORMAL_ACCOUNT -> NORMAL */
        {0x00020000, 0x00000020}, /* MNS_LOGON_ACCOUNT -> MNS */
        {0x00000800, 0x00000040}, /* INTERDOMAIN_TRUST -> DOMTRUST */
        {0x00001000, 0x00000080}, /* WORKSTATION_TRUST -> WSTRUST */
        {0x00002000, 0x00000100}, /* SERVER_TRUST -> SVRTRUST */
        {0x00010000, 0x00000200}, /* DONT_EXPIRE_PASSWD -> PWNOEXP */
        {0x00000010, 0x00000400}, /* LOCKOUT -> AUTOLOCK */
        {0x00000080, 0x00000800}, /* ENCRYPTED_TEXT_PASSWORD_ALLOWED */
        {0x00040000, 0x00001000}, /* SMARTCARD_REQUIRED */
        {0x00080000, 0x00002000}, /* TRUSTED_FOR_DELEGATION */
        {0x00100000, 0x00004000}, /* NOT_DELEGATED */
        {0x00200000, 0x00008000}, /* USE_DES_KEY_ONLY */
        {0x00400000, 0x00010000}, /* DONT_REQUIRE_PREAUTH */
        {0x00800000, 0x00020000}, /* PASSWORD_EXPIRED -> PW_EXPIRED */
        {0x01000000, 0x00040000}, /* TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION */
        {0x02000000, 0x00080000}, /* NO_AUTH_DATA_REQUIRED */
        {0x04000000, 0x00100000}, /* PARTIAL_SECRETS_ACCOUNT */
        {0x08000000, 0x00200000}, /* USE_AES_KEYS */
    };
    uint32_t acb = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (uf & map[i][0]) acb |= map[i][1];
    return acb;
}

uint32_t lm_samr_uf_to_acb(uint32_t uf) { return uf_to_acb(uf); }

uint32_t lm_samr_acb_to_uf(uint32_t acb) {
    uint32_t uf = 0;
    for (uint32_t bit = 1; bit != 0 && bit <= 0x08000000u; bit <<= 1)
        if (uf_to_acb(bit) & acb) uf |= bit;
    return uf;
}

/* Unix time (or TIMEQ_FOREVER) -> NTTIME; never is 0x7FFF... as NT
** writes it. */
static NTTIME nt_time(uint32_t t) {
    if (t == 0xFFFFFFFFu) return 0x7FFFFFFFFFFFFFFFull;
    return ((NTTIME)t + 11644473600ull) * 10000000ull;
}

/* ---- NetUserSetInfo / NetUserAdd (levels libnetapi cannot do) ---- */

static void set_string(struct lsa_String *s, const char *v) {
    s->string = v ? v : "";
}

uint32_t lm_samr_user_set(const char *server, const lm_samr_creds *cr,
                          const char *username,
                          const lm_samr_user_fields *f) {
    samr_conn c;
    uint32_t rid = 0, code = conn_open(&c, server, cr);
    if (code == 0) code = open_domain(&c, SAMR_DOMAIN_ACCESS_OPEN_ACCOUNT);
    if (code == 0) code = lookup_user(&c, username, &rid);
    struct policy_handle user;
    if (code == 0)
        code = open_user(&c, rid,
                         SAMR_USER_ACCESS_SET_ATTRIBUTES |
                             SAMR_USER_ACCESS_GET_ATTRIBUTES |
                             SAMR_USER_ACCESS_SET_LOC_COM,
                         &user);
    if (code != 0) {
        conn_close(&c);
        return code;
    }

    union samr_UserInfo info;
    memset(&info, 0, sizeof info);
    struct samr_UserInfo21 *i = &info.info21;
    uint32_t fp = 0;
    uint16_t *parms = NULL;
    if (f->present & LM_SAMR_F_FLAGS) {
        fp |= SAMR_FIELD_ACCT_FLAGS;
        i->acct_flags = uf_to_acb(f->flags);
    }
    if (f->present & LM_SAMR_F_FULL_NAME) {
        fp |= SAMR_FIELD_FULL_NAME;
        set_string(&i->full_name, f->full_name);
    }
    if (f->present & LM_SAMR_F_USR_COMMENT) {
        fp |= SAMR_FIELD_COMMENT;
        set_string(&i->comment, f->usr_comment);
    }
    if (f->present & LM_SAMR_F_HOME_DIR) {
        fp |= SAMR_FIELD_HOME_DIRECTORY;
        set_string(&i->home_directory, f->home_dir);
    }
    if (f->present & LM_SAMR_F_COMMENT) {
        fp |= SAMR_FIELD_DESCRIPTION;
        set_string(&i->description, f->comment);
    }
    if (f->present & LM_SAMR_F_SCRIPT_PATH) {
        fp |= SAMR_FIELD_LOGON_SCRIPT;
        set_string(&i->logon_script, f->script_path);
    }
    if (f->present & LM_SAMR_F_WORKSTATIONS) {
        fp |= SAMR_FIELD_WORKSTATIONS;
        set_string(&i->workstations, f->workstations);
    }
    if (f->present & LM_SAMR_F_PROFILE) {
        fp |= SAMR_FIELD_PROFILE_PATH;
        set_string(&i->profile_path, f->profile);
    }
    if (f->present & LM_SAMR_F_HOME_DIR_DRIVE) {
        fp |= SAMR_FIELD_HOME_DRIVE;
        set_string(&i->home_drive, f->home_dir_drive);
    }
    if (f->present & LM_SAMR_F_PARMS) {
        /* userParameters is UTF-16 on the wire, as netapi32 sends it. */
        size_t max = 2 * strlen(f->parms ? f->parms : "") + 4;
        parms = talloc_size(c.mem, max);
        long n = parms ? utf16le(f->parms ? f->parms : "", (uint8_t *)parms,
                                 max)
                       : -1;
        if (n < 0 || n > 0xFFFF) {
            conn_close(&c);
            return n < 0 ? 8 : 87;
        }
        fp |= SAMR_FIELD_PARAMETERS;
        i->parameters.length = i->parameters.size = (uint16_t)n;
        i->parameters.array = n ? parms : NULL;
    }
    if (f->present & LM_SAMR_F_ACCT_EXPIRES) {
        fp |= SAMR_FIELD_ACCT_EXPIRY;
        i->acct_expiry = nt_time(f->acct_expires);
    }
    if (f->present & LM_SAMR_F_LOGON_HOURS) {
        fp |= SAMR_FIELD_LOGON_HOURS;
        i->logon_hours.units_per_week = (uint16_t)f->units_per_week;
        i->logon_hours.bits = (uint8_t *)f->logon_hours;
    }
    if (f->present & LM_SAMR_F_COUNTRY_CODE) {
        fp |= SAMR_FIELD_COUNTRY_CODE;
        i->country_code = (uint16_t)f->country_code;
    }
    if (f->present & LM_SAMR_F_CODE_PAGE) {
        fp |= SAMR_FIELD_CODE_PAGE;
        i->code_page = (uint16_t)f->code_page;
    }
    if (f->present & LM_SAMR_F_PRIMARY_GROUP) {
        fp |= SAMR_FIELD_PRIMARY_GID;
        i->primary_gid = f->primary_group_id;
    }
    if (f->present & LM_SAMR_F_PASSWORD_EXPIRED) {
        fp |= SAMR_FIELD_EXPIRED_FLAG;
        i->password_expired = f->password_expired ? 1 : 0;
    }
    i->fields_present = fp;

    code = 0;
    if (fp != 0) {
        struct samr_SetUserInfo s = {0};
        s.in.user_handle = &user;
        s.in.level = UserAllInformation;
        s.in.info = &info;
        NTSTATUS st = call(&c, NDR_SAMR_SETUSERINFO, &s);
        if (NT_STATUS_IS_OK(st)) st = s.out.result;
        if (!NT_STATUS_IS_OK(st)) code = fail("SetUserInfo", st);
    }
    conn_close(&c);
    return code;
}

/* ---- NetUserEnum's empty pages ---- */

uint32_t lm_samr_user_enum_empty(const char *server, const lm_samr_creds *cr,
                                 uint32_t acb_filter, uint32_t resume,
                                 int *empty) {
    *empty = 0;
    samr_conn c;
    uint32_t code = conn_open(&c, server, cr);
    if (code == 0) code = open_domain(&c, SAMR_DOMAIN_ACCESS_ENUM_ACCOUNTS);
    if (code == 0) {
        uint32_t n = 0;
        struct samr_SamArray *sam = NULL;
        struct samr_EnumDomainUsers e = {0};
        e.in.domain_handle = &c.domain;
        e.in.acct_flags = acb_filter;
        e.in.max_size = 1;   /* one entry tells */
        e.in.resume_handle = &resume;
        e.out.resume_handle = &resume;
        e.out.sam = &sam;
        e.out.num_entries = &n;
        NTSTATUS st = call(&c, NDR_SAMR_ENUMDOMAINUSERS, &e);
        if (NT_STATUS_IS_OK(st)) st = e.out.result;
        if (NT_STATUS_IS_OK(st) || NT_STATUS_V(st) == 0x00000105 /* MORE_ENTRIES */)
            *empty = sam == NULL || sam->count == 0;
        else
            code = fail("EnumDomainUsers", st);
    }
    conn_close(&c);
    return code;
}

/* ---- NetUserChangePassword ---- */

uint32_t lm_samr_user_change_password(const char *server,
                                      const lm_samr_creds *cr,
                                      const char *username,
                                      const char *oldpassword,
                                      const char *newpassword) {
    uint8_t old_hash[16], new_hash[16], pwbuf[512];
    struct samr_CryptPassword nt_pass;
    struct samr_Password verifier;
    long n = utf16le(newpassword, pwbuf, sizeof pwbuf);
    if (n < 0 || nt_owf(oldpassword, old_hash) != 0 ||
        nt_owf(newpassword, new_hash) != 0) {
        printf("SAMR: a password is longer than 256 characters\n");
        return 2245;   /* NERR_PasswordTooShort: what NT says for that */
    }
    /* The new password at the end of 512 random bytes, then its length;
    ** RC4 with the old password's hash as key. */
    if (getrandom(nt_pass.data, 512 - (size_t)n, 0) != 512 - n) {
        printf("SAMR: no random bytes\n");
        return 2140;
    }
    memcpy(nt_pass.data + 512 - n, pwbuf, (size_t)n);
    for (int i = 0; i < 4; i++) nt_pass.data[512 + i] = (uint8_t)(n >> (8 * i));
    struct arcfour_ctx rc4;
    arcfour_set_key(&rc4, 16, old_hash);
    arcfour_crypt(&rc4, sizeof nt_pass.data, nt_pass.data, nt_pass.data);
    /* The old hash encrypted with the new one proves the caller knew it. */
    des7(verifier.hash, old_hash, new_hash);
    des7(verifier.hash + 8, old_hash + 8, new_hash + 7);
    lm_wipe(pwbuf, sizeof pwbuf);
    lm_wipe(&rc4, sizeof rc4);

    /* Authenticate as the user with the old password; an account whose
    ** password has expired (or must change) cannot log on, and changes it
    ** over an anonymous connection as Windows clients do. */
    lm_samr_creds as_user = {username, oldpassword, cr ? cr->domain : NULL,
                             cr ? cr->kerberos : 0};
    samr_conn c;
    uint32_t code = conn_open(&c, server, &as_user);
    if (code == 1330 || code == 1907) {
        conn_close(&c);
        code = conn_open(&c, server, NULL);
    }
    if (code == 1326) code = 86;   /* the old password is wrong */
    if (code == 0) {
        struct lsa_String srv = {.string = talloc_asprintf(
                                     c.mem, "\\\\%s",
                                     server ? server : "localhost")};
        struct lsa_String account = {.string = bare_name(username)};
        struct samr_DomInfo1 *dominfo = NULL;
        struct userPwdChangeFailureInformation *reject = NULL;
        struct samr_ChangePasswordUser3 r = {0};
        r.in.server = &srv;
        r.in.account = &account;
        r.in.nt_password = &nt_pass;
        r.in.nt_verifier = &verifier;
        r.in.lm_change = 0;
        r.out.dominfo = &dominfo;
        r.out.reject = &reject;
        NTSTATUS st = call(&c, NDR_SAMR_CHANGEPASSWORDUSER3, &r);
        if (NT_STATUS_IS_OK(st)) st = r.out.result;
        if (!NT_STATUS_IS_OK(st)) {
            code = fail("ChangePasswordUser3", st);
            if (reject && reject->extendedFailureReason == 2)
                printf("SAMR: the new password is in the password history\n");
        }
    }
    conn_close(&c);
    lm_wipe(old_hash, sizeof old_hash);
    lm_wipe(new_hash, sizeof new_hash);
    lm_wipe(&nt_pass, sizeof nt_pass);
    return code;
}

/* ---- NetUserGetLocalGroups ---- */

/* Appends the names of the aliases of domain handle h the sids are in. */
static uint32_t alias_names(samr_conn *c, struct policy_handle *h,
                            struct lsa_SidArray *sids, const char ***names,
                            uint32_t *count) {
    struct samr_Ids rids = {0};
    struct samr_GetAliasMembership g = {0};
    g.in.domain_handle = h;
    g.in.sids = sids;
    g.out.rids = &rids;
    NTSTATUS st = call(c, NDR_SAMR_GETALIASMEMBERSHIP, &g);
    if (NT_STATUS_IS_OK(st)) st = g.out.result;
    if (!NT_STATUS_IS_OK(st)) return fail("GetAliasMembership", st);
    if (rids.count == 0) return 0;
    struct lsa_Strings ln = {0};
    struct samr_Ids types = {0};
    struct samr_LookupRids l = {0};
    l.in.domain_handle = h;
    l.in.num_rids = rids.count;
    l.in.rids = rids.ids;
    l.out.names = &ln;
    l.out.types = &types;
    st = call(c, NDR_SAMR_LOOKUPRIDS, &l);
    if (NT_STATUS_IS_OK(st)) st = l.out.result;
    if (!NT_STATUS_IS_OK(st)) return fail("LookupRids", st);
    const char **grown = talloc_realloc(c->mem, *names, const char *,
                                        *count + ln.count);
    if (grown == NULL) return 8;
    for (uint32_t i = 0; i < ln.count; i++)
        if (ln.names[i].string) grown[(*count)++] = ln.names[i].string;
    *names = grown;
    return 0;
}

static struct dom_sid2 *compose_sid(TALLOC_CTX *mem, const struct dom_sid *d,
                                    uint32_t rid) {
    struct dom_sid2 *s = talloc(mem, struct dom_sid2);
    if (s == NULL || d->num_auths >= 15) return NULL;
    *s = *d;
    s->sub_auths[s->num_auths++] = rid;
    return s;
}

uint32_t lm_samr_user_local_groups(const char *server, const lm_samr_creds *cr,
                                   const char *username, int indirect,
                                   void **buffer, uint32_t *count) {
    *buffer = NULL;
    *count = 0;
    samr_conn c;
    uint32_t rid = 0, code = conn_open(&c, server, cr);
    uint32_t access = SAMR_DOMAIN_ACCESS_OPEN_ACCOUNT |
                      SAMR_DOMAIN_ACCESS_LOOKUP_ALIAS;
    if (code == 0) code = open_domain(&c, access);
    if (code == 0) code = open_builtin(&c, access);
    if (code == 0) code = lookup_user(&c, username, &rid);

    /* The SIDs whose memberships count: the user's, and with indirect
    ** those of its global groups. */
    struct lsa_SidArray sids = {0};
    struct samr_RidWithAttributeArray *groups = NULL;
    if (code == 0 && indirect) {
        struct policy_handle user;
        code = open_user(&c, rid, SAMR_USER_ACCESS_GET_GROUPS, &user);
        if (code == 0) {
            struct samr_GetGroupsForUser g = {0};
            g.in.user_handle = &user;
            g.out.rids = &groups;
            NTSTATUS st = call(&c, NDR_SAMR_GETGROUPSFORUSER, &g);
            if (NT_STATUS_IS_OK(st)) st = g.out.result;
            if (!NT_STATUS_IS_OK(st)) code = fail("GetGroupsForUser", st);
        }
    }
    if (code == 0) {
        uint32_t n = 1 + (groups ? groups->count : 0);
        sids.sids = talloc_zero_array(c.mem, struct lsa_SidPtr, n);
        if (sids.sids == NULL) code = 8;
        for (uint32_t i = 0; code == 0 && i < n; i++) {
            sids.sids[i].sid = compose_sid(
                c.mem, c.domain_sid, i == 0 ? rid : groups->rids[i - 1].rid);
            if (sids.sids[i].sid == NULL) code = 8;
        }
        sids.num_sids = n;
    }
    const char **names = NULL;
    uint32_t n = 0;
    if (code == 0) code = alias_names(&c, &c.domain, &sids, &names, &n);
    if (code == 0) code = alias_names(&c, &c.builtin, &sids, &names, &n);

    /* One NetApi buffer: the records, their strings hanging off it. */
    if (code == 0 && n > 0) {
        void *buf = NULL;
        code = NetApiBufferAllocate(
            (uint32_t)(n * sizeof(struct LOCALGROUP_USERS_INFO_0)), &buf);
        struct LOCALGROUP_USERS_INFO_0 *rec = buf;
        for (uint32_t i = 0; code == 0 && i < n; i++) {
            rec[i].lgrui0_name = talloc_strdup(buf, names[i]);
            if (rec[i].lgrui0_name == NULL) code = 8;
        }
        if (code != 0 && buf != NULL) NetApiBufferFree(buf);
        if (code == 0) {
            *buffer = buf;
            *count = n;
        }
    }
    conn_close(&c);
    return code;
}
#endif /* !_WIN32 */
