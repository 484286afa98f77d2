/*
** fastenum.c -- lanman_UserEnumFast (lanman_fastenum.h): every user's
** detailed record in one go.  Platform neutral: argument checks here, the
** work in the Samba shim (fastenum_samba.c), run through the context owner
** like every call (its lock, credentials, error text, one self-contained
** buffer).  netapi32 has no per-user round trips to save: on Windows this
** answers ERROR_NOT_SUPPORTED and the session layers use NetUserEnum.
*/
#include <string.h>

#include "internal.h"

#ifdef _WIN32
static uint32_t fastenum_unsupported(lm_call *c) {
    (void)c;
    return 50;   /* ERROR_NOT_SUPPORTED */
}
#define LM_FASTENUM_SHIM fastenum_unsupported
#else
#define LM_FASTENUM_SHIM lm_shim_UserEnumFast
#endif

lanman_status lanman_UserEnumFast(const lanman_creds *creds, const char *server,
                                  uint32_t level, uint32_t filter,
                                  uint32_t window, lanman_buffer **out,
                                  uint32_t *total, lanman_error *err) {
    static const char fn[] = "NetUserEnum";   /* what it stands in for */
    lm_call c;
    *out = NULL;
    *total = 0;
    memset(&c, 0, sizeof c);
    c.function = fn;
    if (server != NULL && server[0] == '\\' && server[1] == '\\') server += 2;
    if (server != NULL && *server == '\0') server = NULL;
    if (server != NULL) {
        lanman_status st = lm_check_name(fn, "server", server, LM_MAX_SERVER, err);
        if (st != LANMAN_OK) return st;
    }
    c.server = server;
    if (level != 3)
        return lm_err_arg(err, fn, "level",
                          "%lu is not supported by the fast enumeration "
                          "(supported: 3)", (unsigned long)level);
    const lanman_level *lvl = lanman_level_find("USER_INFO", level);
    if (lvl == NULL)
        return lm_err_arg(err, fn, "level", "USER_INFO_%lu is unknown here",
                          (unsigned long)level);
    if (window > 4096)
        return lm_err_arg(err, fn, "window", "%lu is too large (at most 4096)",
                          (unsigned long)window);
    c.level = level;
    c.filter = filter;
    c.number = window ? window : 64;
    lanman_status st = lm_call_run(creds, LM_FASTENUM_SHIM, &c, lvl, 1, out, err);
    if (st == LANMAN_OK) *total = c.read;
    return st;
}
