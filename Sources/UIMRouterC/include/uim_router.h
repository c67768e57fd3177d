/* uim_router.h: the C interface of UIMRouter (library libUIMRouterC), for hosts not written in Swift.
 *
 * Every function is safe to call from several threads at once with the same handle. Routing never waits for a
 * reload: a reload compiles the new registry on the calling thread and swaps it in atomically; a failed reload
 * keeps the old registry in service. Strings are NUL-terminated UTF-8 unless a length is passed with them.
 *
 * Build and link: `cc host.c $(pkg-config --cflags --libs uim-router)` against an install made by
 * Scripts/install-c-library (see the README, "C interface").
 */
#ifndef UIM_ROUTER_H
#define UIM_ROUTER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header. uim_router_version() returns the library's; they are equal when the header and
 * the library come from one install. The library's SONAME is libUIMRouterC.so.<MAJOR>: a change that breaks
 * existing callers raises MAJOR; new functions raise MINOR. */
#define UIM_ROUTER_VERSION_MAJOR 0
#define UIM_ROUTER_VERSION_MINOR 1
#define UIM_ROUTER_VERSION_PATCH 0
#define UIM_ROUTER_VERSION_STRING "0.1.0"

/* Return codes of uim_router_decide and uim_router_route_batch (negative: nothing was routed). The older calls
 * keep their documented returns (-1 for every failure, which is UIM_ROUTER_ERROR). */
#define UIM_ROUTER_OK 0
#define UIM_ROUTER_ERROR (-1)                  /* a NULL handle, or a NULL pointer where one is required */
#define UIM_ROUTER_ERROR_DATE (-2)             /* `date` is not a "YYYY-MM-DD" date that exists */
#define UIM_ROUTER_ERROR_BUFFER_TOO_SMALL (-3) /* see each function for what was written and what is needed */

/* The status of one routed UIM (uim_router_decide's `*status`; the JSON line's "status"). Never 0, so a status
 * variable left at 0 is never mistaken for a result. */
#define UIM_ROUTER_ROUTED 1    /* exactly one Party's patterns match: the Party is written */
#define UIM_ROUTER_AMBIGUOUS 2 /* patterns of two or more Parties match */
#define UIM_ROUTER_UNROUTED 3  /* no pattern matches */
#define UIM_ROUTER_INVALID 4   /* the input cannot be routed (not UTF-8, control characters, empty, > 512 bytes) */

/* An open registry and the router compiled from it. */
typedef struct uim_router uim_router;

/* The library's version, "MAJOR.MINOR.PATCH" (static storage; never NULL). */
const char *uim_router_version(void);

/* Opens the registry folder `directory` (NULL: the bundled registry). Returns a handle, or NULL with
 * `*diagnostics` set to the problems as text (one FILE:LINE:COLUMN: error: message per line), which the caller
 * frees with uim_router_free_string. `diagnostics` may be NULL. */
uim_router *uim_router_open(const char *directory, char **diagnostics);

/* Routes one UIM on `date` ("YYYY-MM-DD"; NULL: today, UTC) and writes the contract's JSON line (without a
 * newline, NUL-terminated) into `buffer` of `capacity` bytes. Returns the line's length in bytes (excluding the NUL)
 * when it fits; when it does not (length >= capacity), returns the length needed and writes nothing but, if
 * capacity > 0, an empty string. Returns -1 when `uim` or `handle` is NULL or `date` is not a date. */
long uim_router_route(uim_router *handle, const char *uim, const char *date, char *buffer, size_t capacity);

/* Decides one UIM of `length` bytes (any bytes: a NUL is part of the UIM, and makes it UIM_ROUTER_INVALID) on
 * `date` ("YYYY-MM-DD"; NULL: today, UTC): the status and, when routed, the Party, without building the JSON
 * result and without allocating (after a thread's first calls). The hot call of a host that only forwards UIMs.
 *
 * Returns UIM_ROUTER_OK with `*status` set and, when `party` is not NULL, the routed Party's code NUL-terminated
 * in `party` (an empty string for any other status). Returns UIM_ROUTER_ERROR_BUFFER_TOO_SMALL, with `*status`
 * set to UIM_ROUTER_ROUTED and `party` holding an empty string (if `party_capacity` > 0), when the code and its NUL
 * do not fit: Party codes are file names such as "KE", so 32 bytes is plenty for every registry we know. Returns
 * UIM_ROUTER_ERROR when `handle`, `status`, or `uim` with `length` > 0 is NULL; UIM_ROUTER_ERROR_DATE for a bad
 * `date`. `party` may be NULL (with any capacity) when only the status is wanted. */
int uim_router_decide(uim_router *handle, const char *uim, size_t length, const char *date, int *status,
                      char *party, size_t party_capacity);

/* Routes `count` UIMs (`uims[k]` of `lengths[k]` bytes, any bytes) on `date` ("YYYY-MM-DD"; NULL: today, UTC) and
 * writes one JSON line per UIM, each the contract's line (as uim_router_route writes it) followed by "\n", in
 * input order, into `buffer` of `capacity` bytes. No NUL is written: `*written` says how many bytes are valid.
 *
 * Too-small buffer: only whole lines are written. Returns the number n of UIMs whose lines were written
 * (0 <= n <= count); when n < count, the next line did not fit: route the rest with a call on uims + n,
 * lengths + n, count - n (a loop that drains `buffer` between calls never routes a UIM twice for its output).
 * When not even the first line fits, returns UIM_ROUTER_ERROR_BUFFER_TOO_SMALL with `*written` set to that
 * line's length (newline included): call again with a buffer at least that large. Lines are short (a few hundred
 * bytes for a routed UIM; an invalid input of L bytes may need up to 6 L + 80), so a buffer of 64 KiB takes
 * hundreds of UIMs per call.
 *
 * Returns UIM_ROUTER_ERROR when `handle`, `written`, `buffer` (with `capacity` > 0), or `uims` or `lengths` (with
 * `count` > 0), or one `uims[k]` with `lengths[k]` > 0 is NULL (nothing is routed); UIM_ROUTER_ERROR_DATE for a
 * bad `date`. Runs on the calling thread; a host with many UIMs and several cores calls it from several threads. */
long uim_router_route_batch(uim_router *handle, const char *const *uims, const size_t *lengths, size_t count,
                            const char *date, char *buffer, size_t capacity, size_t *written);

/* Reloads from `directory` (NULL: the folder the handle was opened with). Returns 0 when the new registry is in
 * service, -1 when it is not (the old one stays), with `*diagnostics` set as for uim_router_open. */
int uim_router_reload(uim_router *handle, const char *directory, char **diagnostics);

/* Writes the SHA-256 digest of the registry in service (64 hex digits and a NUL) into `buffer` (>= 65 bytes).
 * Returns 0, or -1 when the buffer is too small. */
int uim_router_digest(uim_router *handle, char *buffer, size_t capacity);

/* Closes the handle; no call with it may be running or follow. */
void uim_router_close(uim_router *handle);

/* Frees a string returned through a `diagnostics` parameter. */
void uim_router_free_string(char *text);

/* Registry trust (signed releases; see the README's "Publishing a registry"). */

/* Like uim_router_open, but the folder `directory` (not NULL) must hold a signed release (_release.json) that
 * verifies against the public key files (NAME.pub) `key_paths[0..count)`: signed by at least `threshold` of them,
 * with exactly the Party files and registry digest it lists. The same holds for every uim_router_reload of the
 * handle, and a reload to a release with a lower version than the one in service is refused. Returns NULL with
 * `*diagnostics` set (every reason, one per line) when the release does not verify. */
uim_router *uim_router_open_trusted(const char *directory, const char *const *key_paths, size_t count,
                                    int threshold, char **diagnostics);

/* The version of the verified release in service; 0 when the registry in service is not a verified release
 * (opened with uim_router_open), -1 when `handle` is NULL. */
long uim_router_release_version(uim_router *handle);

#ifdef __cplusplus
}
#endif

#endif /* UIM_ROUTER_H */
