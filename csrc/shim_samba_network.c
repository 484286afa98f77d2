/*
** shim_samba_network.c -- the Windows-only calls on Samba's libnetapi,
** which has none of them (no srvsvc session, connection or disk calls, no
** wkssvc user enumeration, no browse list).  calls_network.c asks
** lm_shim_network_missing() first and fails cleanly with
** ERROR_NOT_SUPPORTED, so these thunks are never reached; they exist so
** that the core links the same on every platform.
*/
#ifndef _WIN32
#include "internal.h"
#include "platform.h"

#if defined(__linux__)
#define LM_PLATFORM_NAME "Linux"
#elif defined(__APPLE__)
#define LM_PLATFORM_NAME "macOS"
#else
#define LM_PLATFORM_NAME "this platform"
#endif

const char *lm_shim_network_missing(void) {
    return "not available on " LM_PLATFORM_NAME " with Samba's libnetapi";
}

#define LM_NOT_SUPPORTED 50u   /* ERROR_NOT_SUPPORTED */

uint32_t lm_shim_NetSessionEnum(lm_call *c) { (void)c; return LM_NOT_SUPPORTED; }
uint32_t lm_shim_NetSessionDel(lm_call *c) { (void)c; return LM_NOT_SUPPORTED; }
uint32_t lm_shim_NetServerEnum(lm_call *c) { (void)c; return LM_NOT_SUPPORTED; }
uint32_t lm_shim_NetWkstaUserEnum(lm_call *c) { (void)c; return LM_NOT_SUPPORTED; }
uint32_t lm_shim_NetConnectionEnum(lm_call *c) { (void)c; return LM_NOT_SUPPORTED; }
uint32_t lm_shim_NetServerDiskEnum(lm_call *c) { (void)c; return LM_NOT_SUPPORTED; }
#endif /* !_WIN32 */
