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
** Over SAMR through samr_conn.c: the kept connection for what the call's
** credentials do, a connection of its own for a password change (it logs
** on as the user).  The password-change crypto (RC4, DES, MD4; MS-SAMR
** 3.1.5.10.3) is Nettle's.
*/
#ifndef _WIN32
#define _GNU_SOURCE 1                   /* as Samba's own cflags say */
#define HAVE_IMMEDIATE_STRUCTURES 1

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "samr_conn.h"

#include <nettle/arcfour.h>
#include <nettle/des.h>
#include <nettle/md4.h>

#include "platform.h"
#include "samr_user.h"

/* SAMR pipe of the kept connection, ready, with an account domain. */
static uint32_t account_pipe(lm_rpc *r, lm_rpc_pipe **p) {
    *p = &r->c->samr;
    uint32_t code = lm_rpc_samr(r, *p);
    if (code == 0 && (*p)->account.name == NULL) {
        printf("SAMR: the server lists no account domain\n");
        code = LM_NERR_InternalError;
    }
    return code;
}

/* "DOMAIN\user" -> "user": SAMR looks names up within one domain. */
static const char *bare_name(const char *name) {
    const char *s = strrchr(name, '\\');
    return s ? s + 1 : name;
}

/* The RID of user `name` in the account domain. */
static uint32_t lookup_user(lm_rpc *r, lm_rpc_pipe *p, const char *name,
                            uint32_t *rid) {
    uint32_t type = 0;
    int found = 0;
    const char *bare = bare_name(name);
    uint32_t code = lm_rpc_lookup(r, p, &p->account, bare, rid, &type, &found);
    if (code != 0) return code;
    if (!found)   /* NERR_UserNotFound, said as for any failed RPC */
        return lm_rpc_failed(r, &ndr_table_samr, NDR_SAMR_LOOKUPNAMES,
                             NT_STATUS_NONE_MAPPED, 0);
    if (type != SID_NAME_USER) {
        printf("SAMR: '%s' is not a user account\n", bare);
        return LM_NERR_UserNotFound;
    }
    return 0;
}

/* Opens user rid; the caller closes the handle (lm_rpc_close). */
static uint32_t open_user(lm_rpc *r, lm_rpc_pipe *p, uint32_t rid,
                          uint32_t access, struct policy_handle *h) {
    struct samr_OpenUser o = {0};
    o.in.domain_handle = &p->account.handle;
    o.in.access_mask = access;
    o.in.rid = rid;
    o.out.user_handle = h;
    return lm_rpc_call(r, p->h, &ndr_table_samr, NDR_SAMR_OPENUSER, &o,
                       &o.out.result);
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

/* The fields present in f as SAMR's UserAllInformation (strings borrowed
** from f, userParameters converted on mem). */
static uint32_t user_all_info(TALLOC_CTX *mem, const lm_samr_user_fields *f,
                              union samr_UserInfo *info) {
    memset(info, 0, sizeof *info);
    struct samr_UserInfo21 *i = &info->info21;
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
        parms = talloc_size(mem, max);
        long n = parms ? utf16le(f->parms ? f->parms : "", (uint8_t *)parms,
                                 max)
                       : -1;
        if (n < 0 || n > 0xFFFF)
            return n < 0 ? LM_ERROR_NOT_ENOUGH_MEMORY
                         : LM_ERROR_INVALID_PARAMETER;
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
    return 0;
}

typedef struct set_job {
    const char *username;
    const lm_samr_user_fields *f;
} set_job;

static uint32_t set_once(lm_rpc *r, void *arg) {
    set_job *j = arg;
    lm_rpc_pipe *p;
    uint32_t rid = 0, code = account_pipe(r, &p);
    if (code == 0) code = lookup_user(r, p, j->username, &rid);
    struct policy_handle user;
    if (code == 0)
        code = open_user(r, p, rid,
                         SAMR_USER_ACCESS_SET_ATTRIBUTES |
                             SAMR_USER_ACCESS_GET_ATTRIBUTES |
                             SAMR_USER_ACCESS_SET_LOC_COM,
                         &user);
    if (code != 0) return code;
    union samr_UserInfo info;
    code = user_all_info(r->tmp, j->f, &info);
    if (code == 0 && info.info21.fields_present != 0) {
        struct samr_SetUserInfo s = {0};
        s.in.user_handle = &user;
        s.in.level = UserAllInformation;
        s.in.info = &info;
        code = lm_rpc_call(r, p->h, &ndr_table_samr, NDR_SAMR_SETUSERINFO, &s,
                           &s.out.result);
    }
    lm_rpc_close(r, p, &user);
    return code;
}

uint32_t lm_samr_user_set(const char *server, const lanman_creds *creds,
                          const char *username,
                          const lm_samr_user_fields *f) {
    set_job j = {username, f};
    return lm_rpc_run(creds, server, LM_RPC_KEPT, set_once, &j);
}

/* ---- NetUserEnum's empty pages ---- */

typedef struct empty_job {
    uint32_t acb_filter, resume;
    int empty;
} empty_job;

static uint32_t enum_empty_once(lm_rpc *r, void *arg) {
    empty_job *j = arg;
    lm_rpc_pipe *p;
    uint32_t code = account_pipe(r, &p);
    /* On a domain handle of its own: Samba keeps an enumeration's list on
    ** the domain handle (see context.c) and would answer from resume on
    ** out of a list some earlier enumeration left on the kept one. */
    struct policy_handle domain;
    if (code == 0)
        code = lm_rpc_open_domain(r, p, p->account.sid,
                                  SAMR_DOMAIN_ACCESS_ENUM_ACCOUNTS, &domain);
    if (code != 0) return code;
    uint32_t n = 0, resume = j->resume;
    struct samr_SamArray *sam = NULL;
    struct samr_EnumDomainUsers e = {0};
    e.in.domain_handle = &domain;
    e.in.acct_flags = j->acb_filter;
    e.in.max_size = 1;   /* one entry tells */
    e.in.resume_handle = &resume;
    e.out.resume_handle = &resume;
    e.out.sam = &sam;
    e.out.num_entries = &n;
    code = lm_rpc_send(r, p->h, &ndr_table_samr, NDR_SAMR_ENUMDOMAINUSERS, &e);
    if (code == 0 && (NT_STATUS_IS_OK(e.out.result) ||
                      NT_STATUS_EQUAL(e.out.result, STATUS_MORE_ENTRIES)))
        j->empty = sam == NULL || sam->count == 0;
    else if (code == 0)
        code = lm_rpc_failed(r, &ndr_table_samr, NDR_SAMR_ENUMDOMAINUSERS,
                             e.out.result, 0);
    lm_rpc_close(r, p, &domain);
    return code;
}

uint32_t lm_samr_user_enum_empty(const char *server,
                                 const lanman_creds *creds,
                                 uint32_t acb_filter, uint32_t resume,
                                 int *empty) {
    empty_job j = {acb_filter, resume, 0};
    uint32_t code = lm_rpc_run(creds, server, LM_RPC_KEPT, enum_empty_once, &j);
    *empty = code == 0 && j.empty;
    return code;
}

/* ---- NetUserChangePassword ---- */

typedef struct password_job {
    const char *server, *username;
    struct samr_CryptPassword *nt_pass;
    struct samr_Password *verifier;
    int connected;   /* else the failure is the logon's */
} password_job;

static uint32_t change_once(lm_rpc *r, void *arg) {
    password_job *j = arg;
    j->connected = 0;
    /* the pipe alone: the change needs no handle */
    uint32_t code = lm_rpc_samr_connect(r, &r->c->samr);
    if (code != 0) return code;
    j->connected = 1;
    struct lsa_String srv = {.string = talloc_asprintf(
                                 r->tmp, "\\\\%s",
                                 j->server ? j->server : "localhost")};
    struct lsa_String account = {.string = bare_name(j->username)};
    struct samr_DomInfo1 *dominfo = NULL;
    struct userPwdChangeFailureInformation *reject = NULL;
    struct samr_ChangePasswordUser3 cp = {0};
    cp.in.server = &srv;
    cp.in.account = &account;
    cp.in.nt_password = j->nt_pass;
    cp.in.nt_verifier = j->verifier;
    cp.in.lm_change = 0;
    cp.out.dominfo = &dominfo;
    cp.out.reject = &reject;
    code = lm_rpc_call(r, r->c->samr.h, &ndr_table_samr,
                       NDR_SAMR_CHANGEPASSWORDUSER3, &cp, &cp.out.result);
    if (code != 0 && reject && reject->extendedFailureReason == 2)
        printf("SAMR: the new password is in the password history\n");
    return code;
}

uint32_t lm_samr_user_change_password(const char *server,
                                      const lanman_creds *creds,
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
        return LM_NERR_InternalError;
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

    /* Authenticate as the user with the old password, on a connection
    ** that is not kept (the password is about to change); an account
    ** whose password has expired (or must change) cannot log on, and
    ** changes it over an anonymous connection as Windows clients do. */
    password_job j = {server, username, &nt_pass, &verifier, 0};
    lanman_creds *as_user = lanman_creds_new(
        username, oldpassword, creds ? lanman_creds_domain(creds) : NULL,
        creds ? lanman_creds_kerberos(creds) : 0);
    uint32_t code = as_user ? lm_rpc_run(as_user, server, LM_RPC_ALONE,
                                         change_once, &j)
                            : LM_ERROR_NOT_ENOUGH_MEMORY;
    lanman_creds_free(as_user);   /* wipes its password copy */
    if (!j.connected && (code == 1330 || code == 1907))
        code = lm_rpc_run(NULL, server, LM_RPC_ALONE, change_once, &j);
    if (!j.connected && code == 1326) code = 86;   /* the old password is wrong */
    lm_wipe(old_hash, sizeof old_hash);
    lm_wipe(new_hash, sizeof new_hash);
    lm_wipe(&nt_pass, sizeof nt_pass);
    return code;
}

/* ---- NetUserGetLocalGroups ---- */

/* Appends the names of the aliases of domain d the sids are in. */
static uint32_t alias_names(lm_rpc *r, lm_rpc_pipe *p, lm_rpc_domain *d,
                            struct lsa_SidArray *sids, const char ***names,
                            uint32_t *count) {
    if (d->name == NULL) return 0;   /* the server has no such domain */
    struct samr_Ids rids = {0};
    struct samr_GetAliasMembership g = {0};
    g.in.domain_handle = &d->handle;
    g.in.sids = sids;
    g.out.rids = &rids;
    uint32_t code = lm_rpc_call(r, p->h, &ndr_table_samr,
                                NDR_SAMR_GETALIASMEMBERSHIP, &g, &g.out.result);
    if (code != 0 || rids.count == 0) return code;
    struct lsa_Strings ln = {0};
    struct samr_Ids types = {0};
    struct samr_LookupRids l = {0};
    l.in.domain_handle = &d->handle;
    l.in.num_rids = rids.count;
    l.in.rids = rids.ids;
    l.out.names = &ln;
    l.out.types = &types;
    code = lm_rpc_call(r, p->h, &ndr_table_samr, NDR_SAMR_LOOKUPRIDS, &l,
                       &l.out.result);
    if (code != 0) return code;
    const char **grown = talloc_realloc(r->tmp, *names, const char *,
                                        *count + ln.count);
    if (grown == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
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

/* The SIDs whose memberships count: user rid's, and with indirect those of
** its global groups. */
static uint32_t member_sids(lm_rpc *r, lm_rpc_pipe *p, uint32_t rid,
                            int indirect, struct lsa_SidArray *sids) {
    struct samr_RidWithAttributeArray *groups = NULL;
    uint32_t code = 0;
    if (indirect) {
        struct policy_handle user;
        code = open_user(r, p, rid, SAMR_USER_ACCESS_GET_GROUPS, &user);
        if (code != 0) return code;
        struct samr_GetGroupsForUser g = {0};
        g.in.user_handle = &user;
        g.out.rids = &groups;
        code = lm_rpc_call(r, p->h, &ndr_table_samr,
                           NDR_SAMR_GETGROUPSFORUSER, &g, &g.out.result);
        lm_rpc_close(r, p, &user);
        if (code != 0) return code;
    }
    uint32_t n = 1 + (groups ? groups->count : 0);
    sids->sids = talloc_zero_array(r->tmp, struct lsa_SidPtr, n);
    if (sids->sids == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
    for (uint32_t i = 0; i < n; i++) {
        sids->sids[i].sid = compose_sid(
            r->tmp, p->account.sid, i == 0 ? rid : groups->rids[i - 1].rid);
        if (sids->sids[i].sid == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
    }
    sids->num_sids = n;
    return 0;
}

typedef struct local_groups_job {
    const char *username;
    int indirect;
    void *buffer;     /* out: a NetApi buffer, the caller's */
    uint32_t count;
} local_groups_job;

static uint32_t local_groups_once(lm_rpc *r, void *arg) {
    local_groups_job *j = arg;
    lm_rpc_pipe *p;
    uint32_t rid = 0, code = account_pipe(r, &p);
    if (code == 0) code = lookup_user(r, p, j->username, &rid);
    struct lsa_SidArray sids = {0};
    if (code == 0) code = member_sids(r, p, rid, j->indirect, &sids);
    const char **names = NULL;
    uint32_t n = 0;
    if (code == 0) code = alias_names(r, p, &p->account, &sids, &names, &n);
    if (code == 0) code = alias_names(r, p, &p->builtin, &sids, &names, &n);
    if (code != 0 || n == 0) return code;

    /* One NetApi buffer: the records, their strings hanging off it. */
    void *buf = NULL;
    code = NetApiBufferAllocate(
        (uint32_t)(n * sizeof(struct LOCALGROUP_USERS_INFO_0)), &buf);
    struct LOCALGROUP_USERS_INFO_0 *rec = buf;
    for (uint32_t i = 0; code == 0 && i < n; i++) {
        rec[i].lgrui0_name = talloc_strdup(buf, names[i]);
        if (rec[i].lgrui0_name == NULL) code = LM_ERROR_NOT_ENOUGH_MEMORY;
    }
    if (code != 0) {
        if (buf != NULL) NetApiBufferFree(buf);
        return code;
    }
    j->buffer = buf;
    j->count = n;
    return 0;
}

uint32_t lm_samr_user_local_groups(const char *server,
                                   const lanman_creds *creds,
                                   const char *username, int indirect,
                                   void **buffer, uint32_t *count) {
    local_groups_job j = {username, indirect, NULL, 0};
    uint32_t code = lm_rpc_run(creds, server, LM_RPC_KEPT, local_groups_once,
                               &j);
    *buffer = j.buffer;
    *count = j.count;
    return code;
}
#endif /* !_WIN32 */
