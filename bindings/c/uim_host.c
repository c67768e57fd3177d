/* A minimal router host: opens the registry bundled in libUIMRouterC and prints, for each UIM given as an argument,
 * its status and Party (uim_router_decide), then the same UIMs' JSON lines in one uim_router_route_batch call.
 * Build: cc -o uim-host bindings/c/uim_host.c $(pkg-config --cflags --libs uim-router)   (see the README) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uim_router.h"

static const char *status_name(int status) {
    switch (status) {
    case UIM_ROUTER_ROUTED: return "routed";
    case UIM_ROUTER_AMBIGUOUS: return "ambiguous";
    case UIM_ROUTER_UNROUTED: return "unrouted";
    default: return "invalid";
    }
}

int main(int argc, char **argv) {
    char *diagnostics = NULL;
    uim_router *router = uim_router_open(NULL, &diagnostics);   /* NULL: the bundled registry */
    if (router == NULL) {
        fprintf(stderr, "%s\n", diagnostics);
        uim_router_free_string(diagnostics);
        return 1;
    }
    char digest[65];
    uim_router_digest(router, digest, sizeof digest);
    printf("libUIMRouterC %s, registry %.12s\n", uim_router_version(), digest);

    size_t count = (size_t)(argc - 1);
    size_t *lengths = calloc(count + 1, sizeof *lengths);
    for (size_t k = 0; k < count; k++) {
        const char *uim = argv[k + 1];
        lengths[k] = strlen(uim);
        int status;
        char party[32];
        if (uim_router_decide(router, uim, lengths[k], "2026-06-01", &status, party, sizeof party) == UIM_ROUTER_OK) {
            printf("%s %s %s\n", uim, status_name(status), party);
        }
    }

    char lines[64 * 1024];
    size_t written = 0;
    long done = uim_router_route_batch(router, (const char *const *)(argv + 1), lengths, count, "2026-06-01", lines,
                                       sizeof lines, &written);
    if (done >= 0) fwrite(lines, 1, written, stdout);   /* done < count: call again from argv + 1 + done */
    free(lengths);
    uim_router_close(router);
    return done == (long)count ? 0 : 1;
}
