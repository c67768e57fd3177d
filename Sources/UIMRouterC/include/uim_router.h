/* uim_router.h: the C interface of UIMRouter (library libUIMRouterC), for hosts not written in Swift.
 *
 * Every function is safe to call from several threads at once with the same handle. Routing never waits for a
 * reload: a reload compiles the new registry on the calling thread and swaps it in atomically; a failed reload
 * keeps the old registry in service. Strings are NUL-terminated UTF-8.
 */
#ifndef UIM_ROUTER_H
#define UIM_ROUTER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An open registry and the router compiled from it. */
typedef struct uim_router uim_router;

/* Opens the registry folder `directory` (NULL: the bundled registry). Returns a handle, or NULL with
 * `*diagnostics` set to the problems as text (one FILE:LINE:COLUMN: error: message per line), which the caller
 * frees with uim_router_free_string. `diagnostics` may be NULL. */
uim_router *uim_router_open(const char *directory, char **diagnostics);

/* Routes one UIM on `date` ("YYYY-MM-DD"; NULL: today, UTC) and writes the contract's JSON line (without a
 * newline, NUL-terminated) into `buffer` of `capacity` bytes. Returns the line's length in bytes (excluding the NUL)
 * when it fits; when it does not (length >= capacity), returns the length needed and writes nothing but, if
 * capacity > 0, an empty string. Returns -1 when `uim` or `handle` is NULL or `date` is not a date. */
long uim_router_route(uim_router *handle, const char *uim, const char *date, char *buffer, size_t capacity);

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
