/* The C interface's trusted open: uim_router_open_trusted accepts a verified release and refuses an unsigned,
 * tampered or wrongly signed one; a reload to an older release is refused; uim_router_release_version reports it.
 * Usage: c_trust_check NEW-DIR OLD-DIR UNSIGNED-DIR TRUSTED.pub OTHER.pub   (NEW: release 2, OLD: release 1) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "uim_router.h"

static int failures = 0;
#define CHECK(condition, ...) do { if (!(condition)) { failures++; fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
    fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: %s NEW OLD UNSIGNED TRUSTED.pub OTHER.pub\n", argv[0]); return 2; }
    const char *newer = argv[1], *older = argv[2], *unsigned_dir = argv[3];
    const char *trusted[] = {argv[4]}, *other[] = {argv[5]}, *both[] = {argv[4], argv[5]};
    char *problems = NULL;

    uim_router *handle = uim_router_open_trusted(newer, trusted, 1, 1, &problems);
    CHECK(handle != NULL, "a verified release was refused: %s", problems ? problems : "");
    if (!handle) return 1;
    CHECK(uim_router_release_version(handle) == 2, "release version %ld", uim_router_release_version(handle));
    char digest[65];
    CHECK(uim_router_digest(handle, digest, sizeof digest) == 0 && strlen(digest) == 64, "digest");

    CHECK(uim_router_reload(handle, older, &problems) == -1, "a rollback to release 1 was accepted");
    CHECK(problems && strstr(problems, "rollback"), "rollback reason: %s", problems ? problems : "(none)");
    uim_router_free_string(problems); problems = NULL;
    CHECK(uim_router_reload(handle, unsigned_dir, &problems) == -1, "an unsigned registry was accepted on reload");
    uim_router_free_string(problems); problems = NULL;
    CHECK(uim_router_release_version(handle) == 2, "release in service changed");
    CHECK(uim_router_reload(handle, NULL, &problems) == 0, "reloading the same release: %s", problems ? problems : "");
    uim_router_close(handle);

    CHECK(uim_router_open_trusted(unsigned_dir, trusted, 1, 1, &problems) == NULL, "unsigned accepted");
    CHECK(problems && strstr(problems, "unsigned"), "unsigned reason: %s", problems ? problems : "(none)");
    uim_router_free_string(problems); problems = NULL;
    CHECK(uim_router_open_trusted(newer, other, 1, 1, &problems) == NULL, "release accepted with an untrusted key");
    CHECK(problems && strstr(problems, "too few signatures"), "reason: %s", problems ? problems : "(none)");
    uim_router_free_string(problems); problems = NULL;
    CHECK(uim_router_open_trusted(newer, both, 2, 2, &problems) == NULL, "one signature met a threshold of 2");
    uim_router_free_string(problems); problems = NULL;
    CHECK(uim_router_open_trusted(newer, NULL, 0, 1, &problems) == NULL, "no keys accepted");
    uim_router_free_string(problems); problems = NULL;

    uim_router *plain = uim_router_open(newer, NULL);
    CHECK(plain && uim_router_release_version(plain) == 0, "an untrusted open reports a verified release");
    uim_router_close(plain);
    CHECK(uim_router_release_version(NULL) == -1, "NULL handle");

    if (failures) { fprintf(stderr, "%d failure(s)\n", failures); return 1; }
    printf("c_trust_check: ok\n");
    return 0;
}
