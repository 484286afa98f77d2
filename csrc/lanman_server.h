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
/* data: one SERVER_INFO record of level (lanman_input). */
lanman_status lanman_NetServerSetInfo(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      const lanman_input *data,
                                      lanman_error *err);
lanman_status lanman_NetWkstaGetInfo(const lanman_creds *creds,
                                     const char *server, uint32_t level,
                                     lanman_buffer **out, lanman_error *err);
/* One TIME_OF_DAY_INFO record (level table "TIME_OF_DAY_INFO", 0). */
lanman_status lanman_NetRemoteTOD(const lanman_creds *creds,
                                  const char *server, lanman_buffer **out,
                                  lanman_error *err);

#endif /* LANMAN_SERVER_H */
