/* Exercises the C interface (Sources/UIMRouterC/include/uim_router.h) the way a host does: open, route into a
 * caller buffer (including one too small), reload (good and bad), route from several threads during reloads,
 * close. Usage: c_interface_check REGISTRY-A REGISTRY-B BROKEN-REGISTRY. Exit 0 when every check holds. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "uim_router.h"

static int failures = 0;
#define CHECK(cond, ...) do { if (!(cond)) { failures++; fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
    fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

static uim_router *router;
static volatile int reloading = 1;
static long routed_a = 0, routed_b = 0, wrong = 0;
static pthread_mutex_t tally = PTHREAD_MUTEX_INITIALIZER;

static void *route_loop(void *unused) {
    (void)unused;
    char line[1024];
    long a = 0, b = 0, bad = 0;
    for (int k = 0; reloading || k < 1000; k++) {
        long n = uim_router_route(router, "X1234", "2026-06-01", line, sizeof line);
        if (n > 0 && strstr(line, "\"status\":\"routed\",\"party\":\"AA\"")) a++;
        else if (n > 0 && strstr(line, "\"status\":\"routed\",\"party\":\"BB\"")) b++;
        else bad++;
    }
    pthread_mutex_lock(&tally);
    routed_a += a; routed_b += b; wrong += bad;
    pthread_mutex_unlock(&tally);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s REGISTRY-A REGISTRY-B BROKEN\n", argv[0]); return 64; }
    char *diagnostics = NULL;
    CHECK(uim_router_open(argv[3], &diagnostics) == NULL, "a broken registry opened");
    CHECK(diagnostics && strstr(diagnostics, ": error: "), "no diagnostics for the broken registry");
    uim_router_free_string(diagnostics);

    router = uim_router_open(argv[1], &diagnostics);
    CHECK(router != NULL, "open: %s", diagnostics ? diagnostics : "?");
    if (!router) return 1;
    char digest[65];
    CHECK(uim_router_digest(router, digest, sizeof digest) == 0 && strlen(digest) == 64, "digest");

    char line[1024];
    long n = uim_router_route(router, "]d2X1234", "2026-06-01", line, sizeof line);
    CHECK(n > 0 && (size_t)n == strlen(line), "route length %ld", n);
    CHECK(strstr(line, "\"uim\":\"]d2X1234\",\"status\":\"routed\",\"party\":\"AA\"") != NULL, "route: %s", line);

    char small[8] = "garbage";
    long needed = uim_router_route(router, "]d2X1234", "2026-06-01", small, sizeof small);
    CHECK(needed == n && small[0] == 0, "too-small buffer: returned %ld, wanted %ld and an empty string", needed, n);
    char *exact = malloc((size_t)needed + 1);
    CHECK(uim_router_route(router, "]d2X1234", "2026-06-01", exact, (size_t)needed + 1) == n
          && strcmp(exact, line) == 0, "a buffer of the returned length + 1 fits");
    free(exact);
    CHECK(uim_router_route(router, "X1234", "not-a-date", line, sizeof line) == -1, "bad date accepted");

    CHECK(uim_router_reload(router, argv[2], &diagnostics) == 0, "reload B: %s", diagnostics ? diagnostics : "");
    uim_router_route(router, "X1234", "2026-06-01", line, sizeof line);
    CHECK(strstr(line, "\"party\":\"BB\"") != NULL, "after reload: %s", line);
    CHECK(uim_router_reload(router, argv[3], &diagnostics) == -1, "a broken reload succeeded");
    CHECK(diagnostics && strstr(diagnostics, ": error: "), "no diagnostics for the broken reload");
    uim_router_free_string(diagnostics);
    uim_router_route(router, "X1234", "2026-06-01", line, sizeof line);
    CHECK(strstr(line, "\"party\":\"BB\"") != NULL, "a failed reload changed the router: %s", line);

    /* Latency seen by a C caller: one thread, the router warm. */
    struct timespec t0, t1;
    const int rounds = 200000;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int k = 0; k < rounds; k++) uim_router_route(router, "X1234", "2026-06-01", line, sizeof line);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ns = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / rounds;

    pthread_t threads[3];
    for (int t = 0; t < 3; t++) pthread_create(&threads[t], NULL, route_loop, NULL);
    for (int k = 0; k < 40; k++) {
        CHECK(uim_router_reload(router, argv[k % 2 ? 2 : 1], NULL) == 0, "reload %d", k);
    }
    reloading = 0;
    for (int t = 0; t < 3; t++) pthread_join(threads[t], NULL);
    CHECK(wrong == 0, "%ld results from neither registry", wrong);
    CHECK(routed_a + routed_b > 0, "no thread routed");

    uim_router_close(router);
    printf("c_route_ns_per_uim=%.0f threaded_results=%ld (AA %ld, BB %ld) failures=%d\n", ns,
           routed_a + routed_b + wrong, routed_a, routed_b, failures);
    return failures == 0 ? 0 : 1;
}
