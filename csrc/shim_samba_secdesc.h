/*
** shim_samba_secdesc.h -- security descriptors on Samba: libnetapi's
** struct security_descriptor (gen_ndr/security.h) <-> the self-relative
** bytes scripts see (MS-DTYP 2.4.6, what netapi32 hands out on Windows).
** Private to the Samba shim (shim_samba.c); see shim_samba_secdesc.c.
*/
#ifndef LANMAN_SHIM_SAMBA_SECDESC_H
#define LANMAN_SHIM_SAMBA_SECDESC_H

#include <stddef.h>
#include <stdint.h>

struct lm_arena;

/* Bytes the self-relative form of sd (a struct security_descriptor *)
** takes; 0 for NULL. */
size_t lm_samba_secdesc_size(const void *sd);
/* Writes that form to out, which has lm_samba_secdesc_size(sd) bytes. */
void lm_samba_secdesc_write(const void *sd, uint8_t *out);
/* Parses self-relative bytes into a new struct security_descriptor (and
** its SIDs, ACLs and ACEs) allocated from arena; *sd is set on success.
** Returns NULL or why the bytes are not a descriptor (static text). */
const char *lm_samba_secdesc_parse(const uint8_t *bytes, size_t len,
                                   struct lm_arena **arena, void **sd);

#endif /* LANMAN_SHIM_SAMBA_SECDESC_H */
