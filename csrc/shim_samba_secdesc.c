/*
** shim_samba_secdesc.c -- security descriptors on Samba, both ways.
**
** libnetapi hands SHARE_INFO_502 (and takes it in NetShareAdd) with a
** `struct security_descriptor *`: Samba's unmarshalled tree of SIDs, ACLs
** and ACEs (gen_ndr/security.h, a public header of samba-dev).  Scripts
** see a descriptor as the bytes netapi32 uses on Windows: the
** self-relative form of MS-DTYP 2.4.6.
**
** Samba's own marshallers for it (ndr_push/pull_security_descriptor) are
** exported only by libsamba-security-samba4.so.0, a private library whose
** symbols carry the exact Samba package version
** (SAMBA_4.17.12_DEBIAN_SAMBA4): linking it would break at the next Samba
** update.  The public libndr / libndr-standard export ndr_push_struct_blob
** but not the descriptor's marshallers.  So the self-relative layout --
** a documented, fixed wire format -- is read and written here, against the
** struct layout of the public header, as sid.c does for SIDs.
**
** This file includes gen_ndr/security.h and never netapi.h: both define
** struct GUID.
*/
#ifndef _WIN32
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <talloc.h>
#include <util/data_blob.h>
#include <gen_ndr/security.h>

#include "internal.h"
#include "shim_samba_secdesc.h"

/* MS-DTYP 2.4.6 SECURITY_DESCRIPTOR control bit: offsets, not pointers. */
#define LM_SE_SELF_RELATIVE 0x8000u
#define LM_SD_HEADER 20u     /* revision, sbz1, control, four offsets */
#define LM_ACL_HEADER 8u     /* revision, sbz1, size, count, sbz2 */
#define LM_ACE_HEADER 8u     /* type, flags, size, access mask */
#define LM_GUID_SIZE 16u
#define LM_MAX_ACES 2000u    /* Samba's range(0,2000) on num_aces */

/* ---- little-endian fields ---- */

static void put16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v) {
    put16(p, v & 0xFFFFu);
    put16(p + 2, v >> 16);
}

static uint32_t get16(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t get32(const uint8_t *p) {
    return get16(p) | get16(p + 2) << 16;
}

/* ---- sizes ---- */

static int is_object_ace(uint32_t type) {
    return type == SEC_ACE_TYPE_ACCESS_ALLOWED_OBJECT ||
           type == SEC_ACE_TYPE_ACCESS_DENIED_OBJECT ||
           type == SEC_ACE_TYPE_SYSTEM_AUDIT_OBJECT ||
           type == SEC_ACE_TYPE_SYSTEM_ALARM_OBJECT;
}

static uint32_t sid_auths(const struct dom_sid *sid) {
    return sid->num_auths < 0 ? 0u
           : sid->num_auths > 15 ? 15u : (uint32_t)sid->num_auths;
}

static size_t sid_size(const struct dom_sid *sid) {
    return sid ? 8u + 4u * sid_auths(sid) : 0u;
}

static size_t ace_size(const struct security_ace *ace) {
    size_t n = LM_ACE_HEADER + sid_size(&ace->trustee);
    if (is_object_ace(ace->type)) {
        uint32_t f = ace->object.object.flags;
        n += 4;
        if (f & SEC_ACE_OBJECT_TYPE_PRESENT) n += LM_GUID_SIZE;
        if (f & SEC_ACE_INHERITED_OBJECT_TYPE_PRESENT) n += LM_GUID_SIZE;
    }
    return n;
}

static size_t acl_size(const struct security_acl *acl) {
    if (acl == NULL) return 0;
    size_t n = LM_ACL_HEADER;
    for (uint32_t i = 0; i < acl->num_aces; i++) n += ace_size(&acl->aces[i]);
    return n;
}

size_t lm_samba_secdesc_size(const void *p) {
    const struct security_descriptor *sd = p;
    if (sd == NULL) return 0;
    return LM_SD_HEADER + acl_size(sd->sacl) + acl_size(sd->dacl) +
           sid_size(sd->owner_sid) + sid_size(sd->group_sid);
}

/* ---- struct -> bytes ---- */

static uint8_t *write_sid(uint8_t *p, const struct dom_sid *sid) {
    uint32_t n = sid_auths(sid);
    p[0] = sid->sid_rev_num;
    p[1] = (uint8_t)n;
    memcpy(p + 2, sid->id_auth, 6);   /* big-endian in both forms */
    for (uint32_t i = 0; i < n; i++) put32(p + 8 + 4 * i, sid->sub_auths[i]);
    return p + 8 + 4 * n;
}

static uint8_t *write_guid(uint8_t *p, const struct GUID *g) {
    put32(p, g->time_low);
    put16(p + 4, g->time_mid);
    put16(p + 6, g->time_hi_and_version);
    memcpy(p + 8, g->clock_seq, 2);
    memcpy(p + 10, g->node, 6);
    return p + LM_GUID_SIZE;
}

static uint8_t *write_acl(uint8_t *p, const struct security_acl *acl) {
    p[0] = (uint8_t)acl->revision;
    p[1] = 0;
    put16(p + 2, (uint32_t)acl_size(acl));
    put16(p + 4, acl->num_aces);
    put16(p + 6, 0);
    p += LM_ACL_HEADER;
    for (uint32_t i = 0; i < acl->num_aces; i++) {
        const struct security_ace *ace = &acl->aces[i];
        p[0] = (uint8_t)ace->type;
        p[1] = ace->flags;
        put16(p + 2, (uint32_t)ace_size(ace));
        put32(p + 4, ace->access_mask);
        p += LM_ACE_HEADER;
        if (is_object_ace(ace->type)) {
            const struct security_ace_object *o = &ace->object.object;
            put32(p, o->flags);
            p += 4;
            if (o->flags & SEC_ACE_OBJECT_TYPE_PRESENT)
                p = write_guid(p, &o->type.type);
            if (o->flags & SEC_ACE_INHERITED_OBJECT_TYPE_PRESENT)
                p = write_guid(p, &o->inherited_type.inherited_type);
        }
        p = write_sid(p, &ace->trustee);
    }
    return p;
}

/* Windows' order (MakeSelfRelativeSD): SACL, DACL, owner, group. */
void lm_samba_secdesc_write(const void *v, uint8_t *out) {
    const struct security_descriptor *sd = v;
    uint8_t *p = out + LM_SD_HEADER;
    uint32_t off_sacl = 0, off_dacl = 0, off_owner = 0, off_group = 0;
    if (sd->sacl) {
        off_sacl = (uint32_t)(p - out);
        p = write_acl(p, sd->sacl);
    }
    if (sd->dacl) {
        off_dacl = (uint32_t)(p - out);
        p = write_acl(p, sd->dacl);
    }
    if (sd->owner_sid) {
        off_owner = (uint32_t)(p - out);
        p = write_sid(p, sd->owner_sid);
    }
    if (sd->group_sid) {
        off_group = (uint32_t)(p - out);
        p = write_sid(p, sd->group_sid);
    }
    out[0] = (uint8_t)sd->revision;
    out[1] = 0;
    put16(out + 2, (uint32_t)sd->type | LM_SE_SELF_RELATIVE);
    put32(out + 4, off_owner);
    put32(out + 8, off_group);
    put32(out + 12, off_sacl);
    put32(out + 16, off_dacl);
}

/* ---- bytes -> struct ---- */

typedef struct parser {
    const uint8_t *bytes;
    size_t len;
    lm_arena **arena;
    const char *why;   /* first problem found */
} parser;

static void *fail(parser *ps, const char *why) {
    if (ps->why == NULL) ps->why = why;
    return NULL;
}

/* The same for the parsers that return a size: 0 is the failure. */
static size_t fail0(parser *ps, const char *why) {
    fail(ps, why);
    return 0;
}

/* The SID at [at, end), in place (into sid); bytes used, 0 on error. */
static size_t parse_sid_at(parser *ps, size_t at, size_t end,
                           struct dom_sid *sid) {
    if (at > end || end - at < 8)
        return fail0(ps, "holds a SID that runs past its end");
    const uint8_t *p = ps->bytes + at;
    if (p[0] != 1) return fail0(ps, "holds a SID whose revision is not 1");
    if (p[1] > 15) return fail0(ps, "holds a SID with more than 15 sub-authorities");
    size_t n = 8u + 4u * p[1];
    if (end - at < n) return fail0(ps, "holds a SID that runs past its end");
    sid->sid_rev_num = p[0];
    sid->num_auths = (int8_t)p[1];
    memcpy(sid->id_auth, p + 2, 6);
    for (uint32_t i = 0; i < p[1]; i++) sid->sub_auths[i] = get32(p + 8 + 4 * i);
    return n;
}

/* A new SID from the descriptor's offset field, or NULL (0: none). */
static struct dom_sid *parse_sid(parser *ps, uint32_t off) {
    if (off == 0) return NULL;
    if (off < LM_SD_HEADER || off >= ps->len)
        return fail(ps, "has an owner or group offset outside its bytes");
    struct dom_sid *sid = lm_arena_alloc(ps->arena, sizeof *sid);
    if (sid == NULL) return fail(ps, "out of memory");
    return parse_sid_at(ps, off, ps->len, sid) ? sid : NULL;
}

static void parse_guid(const uint8_t *p, struct GUID *g) {
    g->time_low = get32(p);
    g->time_mid = (uint16_t)get16(p + 4);
    g->time_hi_and_version = (uint16_t)get16(p + 6);
    memcpy(g->clock_seq, p + 8, 2);
    memcpy(g->node, p + 10, 6);
}

/* One ACE at [at, end); its size, 0 on error. */
static size_t parse_ace(parser *ps, size_t at, size_t end,
                        struct security_ace *ace) {
    const uint8_t *p = ps->bytes + at;
    if (end - at < LM_ACE_HEADER)
        return fail0(ps, "holds an ACE that runs past its ACL");
    uint32_t size = get16(p + 2);
    if (size < LM_ACE_HEADER + 8 || size > end - at)
        return fail0(ps, "holds an ACE whose size does not fit its ACL");
    if (p[0] > SEC_ACE_TYPE_SYSTEM_ALARM_OBJECT)
        return fail0(ps, "holds an ACE type (callback, conditional, "
                                           "resource or scoped-policy ACE) that Samba "
                                           "cannot carry");
    ace->type = (enum security_ace_type)p[0];
    ace->flags = p[1];
    ace->size = (uint16_t)size;
    ace->access_mask = get32(p + 4);
    size_t pos = at + LM_ACE_HEADER, ace_end = at + size;
    if (is_object_ace(p[0])) {
        if (ace_end - pos < 4)
            return fail0(ps, "holds an object ACE that is too short");
        struct security_ace_object *o = &ace->object.object;
        o->flags = get32(ps->bytes + pos);
        pos += 4;
        if (o->flags & SEC_ACE_OBJECT_TYPE_PRESENT) {
            if (ace_end - pos < LM_GUID_SIZE)
                return fail0(ps, "holds an object ACE that is too short");
            parse_guid(ps->bytes + pos, &o->type.type);
            pos += LM_GUID_SIZE;
        }
        if (o->flags & SEC_ACE_INHERITED_OBJECT_TYPE_PRESENT) {
            if (ace_end - pos < LM_GUID_SIZE)
                return fail0(ps, "holds an object ACE that is too short");
            parse_guid(ps->bytes + pos, &o->inherited_type.inherited_type);
            pos += LM_GUID_SIZE;
        }
    }
    /* Bytes after the trustee SID carry nothing for these ACE types; they
    ** are skipped, as Samba's own parser does. */
    return parse_sid_at(ps, pos, ace_end, &ace->trustee) ? size : 0;
}

static struct security_acl *parse_acl(parser *ps, uint32_t off) {
    if (off == 0) return NULL;
    if (off < LM_SD_HEADER || off >= ps->len || ps->len - off < LM_ACL_HEADER)
        return fail(ps, "has an ACL offset outside its bytes");
    const uint8_t *p = ps->bytes + off;
    if (p[0] != SECURITY_ACL_REVISION_NT4 && p[0] != SECURITY_ACL_REVISION_ADS)
        return fail(ps, "holds an ACL whose revision is neither 2 nor 4");
    uint32_t size = get16(p + 2), count = get16(p + 4);
    if (size < LM_ACL_HEADER || size > ps->len - off)
        return fail(ps, "holds an ACL whose size runs past its end");
    if (count > LM_MAX_ACES)
        return fail(ps, "holds an ACL with more than 2000 ACEs");
    struct security_acl *acl = lm_arena_alloc(ps->arena, sizeof *acl);
    if (acl == NULL) return fail(ps, "out of memory");
    acl->revision = (enum security_acl_revision)p[0];
    acl->size = (uint16_t)size;
    acl->num_aces = count;
    if (count > 0) {
        acl->aces = lm_arena_alloc(ps->arena, count * sizeof *acl->aces);
        if (acl->aces == NULL) return fail(ps, "out of memory");
    }
    size_t at = off + LM_ACL_HEADER, end = off + size;
    for (uint32_t i = 0; i < count; i++) {
        size_t n = parse_ace(ps, at, end, &acl->aces[i]);
        if (n == 0) return NULL;
        at += n;
    }
    return acl;
}

const char *lm_samba_secdesc_parse(const uint8_t *bytes, size_t len,
                                   lm_arena **arena, void **out) {
    *out = NULL;
    if (len < LM_SD_HEADER)
        return "is not a self-relative security descriptor (shorter than "
               "its 20-byte header)";
    if (bytes[0] != SECURITY_DESCRIPTOR_REVISION_1)
        return "is not a security descriptor (revision is not 1)";
    uint32_t control = get16(bytes + 2);
    if (!(control & LM_SE_SELF_RELATIVE))
        return "is not self-relative (SE_SELF_RELATIVE is not set in its "
               "control)";
    parser ps = {bytes, len, arena, NULL};
    struct security_descriptor *sd = lm_arena_alloc(arena, sizeof *sd);
    if (sd == NULL) return "out of memory";
    sd->revision = SECURITY_DESCRIPTOR_REVISION_1;
    sd->type = (uint16_t)control;
    sd->owner_sid = parse_sid(&ps, get32(bytes + 4));
    sd->group_sid = parse_sid(&ps, get32(bytes + 8));
    sd->sacl = parse_acl(&ps, get32(bytes + 12));
    sd->dacl = parse_acl(&ps, get32(bytes + 16));
    if (ps.why != NULL) return ps.why;
    *out = sd;
    return NULL;
}
#endif /* !_WIN32 */
