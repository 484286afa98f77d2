/*
** lanman_share.h -- share and open-file calls (see lanman.h for the
** conventions every call follows).  Included by lanman.h; SWIG wraps every
** function declared here.
*/
#ifndef LANMAN_SHARE_H
#define LANMAN_SHARE_H

lanman_status lanman_NetShareEnum(const lanman_creds *creds,
                                  const char *server, uint32_t level,
                                  uint32_t prefmaxlen, lanman_buffer **out,
                                  uint32_t *total, uint32_t *resume,
                                  lanman_error *err);
lanman_status lanman_NetShareGetInfo(const lanman_creds *creds,
                                     const char *server, const char *netname,
                                     uint32_t level, lanman_buffer **out,
                                     lanman_error *err);
/* data: one SHARE_INFO_2 or _502 record (lanman_input). */
lanman_status lanman_NetShareAdd(const lanman_creds *creds, const char *server,
                                 uint32_t level, const lanman_input *data,
                                 lanman_error *err);
/* reserved: 0, as on Windows. */
lanman_status lanman_NetShareDel(const lanman_creds *creds, const char *server,
                                 const char *netname, uint32_t reserved,
                                 lanman_error *err);
lanman_status lanman_NetShareSetInfo(const lanman_creds *creds,
                                     const char *server, const char *netname,
                                     uint32_t level, const lanman_input *data,
                                     lanman_error *err);
/* basepath, username: NULL (or "") for any. */
lanman_status lanman_NetFileEnum(const lanman_creds *creds, const char *server,
                                 const char *basepath, const char *username,
                                 uint32_t level, uint32_t prefmaxlen,
                                 lanman_buffer **out, uint32_t *total,
                                 uint32_t *resume, lanman_error *err);
lanman_status lanman_NetFileGetInfo(const lanman_creds *creds,
                                    const char *server, uint32_t fileid,
                                    uint32_t level, lanman_buffer **out,
                                    lanman_error *err);
lanman_status lanman_NetFileClose(const lanman_creds *creds,
                                  const char *server, uint32_t fileid,
                                  lanman_error *err);

#endif /* LANMAN_SHARE_H */
