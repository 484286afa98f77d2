/*
** lanman_network.h -- sessions, connections, the browse list, logged-on
** users and disks of a server (see lanman.h for the conventions every
** call follows).  Included by lanman.h; SWIG wraps every function
** declared here.
**
** These exist in Windows' netapi32 only: Samba's libnetapi has none of
** them.  Declared on every platform with their real signatures and info
** levels; where the platform lacks them each fails, after the same
** argument checks as any call, with ERROR_NOT_SUPPORTED (50) and a message
** naming the function and the platform.
**   NetSessionEnum     SESSION_INFO 0, 1, 2, 10, 502
**   NetServerEnum      SERVER_INFO 100, 101
**   NetWkstaUserEnum   WKSTA_USER_INFO 0, 1, 1101
**   NetConnectionEnum  CONNECTION_INFO 0, 1
**   NetServerDiskEnum  DISK_INFO 0 (one record per disk: disk, "C:")
*/
#ifndef LANMAN_NETWORK_H
#define LANMAN_NETWORK_H

/* client ("\\\\host" or "host") and username may be NULL: every one. */
lanman_status lanman_NetSessionEnum(const lanman_creds *creds,
                                    const char *server, const char *client,
                                    const char *username, uint32_t level,
                                    uint32_t prefmaxlen, lanman_buffer **out,
                                    uint32_t *total, uint32_t *resume,
                                    lanman_error *err);
/* client or username may be NULL, not both. */
lanman_status lanman_NetSessionDel(const lanman_creds *creds,
                                   const char *server, const char *client,
                                   const char *username, lanman_error *err);
/* servertype: SV_TYPE_* mask; domain NULL: the primary domain. */
lanman_status lanman_NetServerEnum(const lanman_creds *creds,
                                   const char *server, uint32_t level,
                                   uint32_t prefmaxlen, uint32_t servertype,
                                   const char *domain, lanman_buffer **out,
                                   uint32_t *total, uint32_t *resume,
                                   lanman_error *err);
lanman_status lanman_NetWkstaUserEnum(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      uint32_t prefmaxlen, lanman_buffer **out,
                                      uint32_t *total, uint32_t *resume,
                                      lanman_error *err);
/* qualifier: a share name, or a computer name ("\\\\host"). */
lanman_status lanman_NetConnectionEnum(const lanman_creds *creds,
                                       const char *server,
                                       const char *qualifier, uint32_t level,
                                       uint32_t prefmaxlen,
                                       lanman_buffer **out, uint32_t *total,
                                       uint32_t *resume, lanman_error *err);
lanman_status lanman_NetServerDiskEnum(const lanman_creds *creds,
                                       const char *server, uint32_t level,
                                       uint32_t prefmaxlen,
                                       lanman_buffer **out, uint32_t *total,
                                       uint32_t *resume, lanman_error *err);

#endif /* LANMAN_NETWORK_H */
