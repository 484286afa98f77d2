/*
** lanman_server.h -- server, workstation and time calls (see lanman.h for
** the conventions every call follows).  Included by lanman.h; SWIG wraps
** every function declared here.
*/
#ifndef LANMAN_SERVER_H
#define LANMAN_SERVER_H

lanman_status lanman_NetServerGetInfo(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      lanman_buffer **out, lanman_error *err);
lanman_status lanman_NetWkstaGetInfo(const lanman_creds *creds,
                                     const char *server, uint32_t level,
                                     lanman_buffer **out, lanman_error *err);

#endif /* LANMAN_SERVER_H */
