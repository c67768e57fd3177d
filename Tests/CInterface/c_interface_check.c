/* Exercises the C interface (Sources/UIMRouterC/include/uim_router.h) the way a host does: open, route into a
 * caller buffer (including one too small), decide (status and Party, length-delimited UIMs, no allocation), route
 * batches (whole lines, the too-small-buffer protocol), reload (good and bad), route and decide from several threads
 * during reloads, close. Usage: c_interface_check REGISTRY-A REGISTRY-B BROKEN-REGISTRY (REGISTRY-A also has a
 * Party ZZ whose pattern overlaps AA's on X9…). Exit 0 when every check holds. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "uim_router.h"

/* Every malloc, calloc and realloc of the process (the library's and the Swift runtime's included) goes through
 * these, so a stretch of calls can be shown to allocate nothing. Counted per thread: the calls measured run on the
 * calling thread, while worker threads left from the registry build may still allocate as they wind down (seen in
 * CI: 12 allocations in one run out of several under load, none of them the calling thread's). */
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
static __thread long allocations = 0;
void *malloc(size_t size) { __atomic_fetch_add(&allocations, 1, __ATOMIC_RELAXED); return __libc_malloc(size); }
void *calloc(size_t n, size_t size) { __atomic_fetch_add(&allocations, 1, __ATOMIC_RELAXED); return __libc_calloc(n, size); }
void *realloc(void *p, size_t size) { __atomic_fetch_add(&allocations, 1, __ATOMIC_RELAXED); return __libc_realloc(p, size); }

static int failures = 0;
#define CHECK(cond, ...) do { if (!(cond)) { failures++; fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
    fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

static uim_router *router;
static volatile int reloading = 1;
static long routed_a = 0, routed_b = 0, wrong = 0, decided_wrong = 0;
static pthread_mutex_t tally = PTHREAD_MUTEX_INITIALIZER;

static void *route_loop(void *unused) {
    (void)unused;
    char line[1024];
    long a = 0, b = 0, bad = 0, decided_bad = 0;
    for (int k = 0; reloading || k < 1000; k++) {
        long n = uim_router_route(router, "X1234", "2026-06-01", line, sizeof line);
        if (n > 0 && strstr(line, "\"status\":\"routed\",\"party\":\"AA\"")) a++;
        else if (n > 0 && strstr(line, "\"status\":\"routed\",\"party\":\"BB\"")) b++;
        else bad++;
        int status = 0;
        char party[8];
        if (uim_router_decide(router, "X1234", 5, "2026-06-01", &status, party, sizeof party) != UIM_ROUTER_OK
            || status != UIM_ROUTER_ROUTED || (strcmp(party, "AA") != 0 && strcmp(party, "BB") != 0)) decided_bad++;
    }
    pthread_mutex_lock(&tally);
    routed_a += a; routed_b += b; wrong += bad; decided_wrong += decided_bad;
    pthread_mutex_unlock(&tally);
    return NULL;
}

/* uim_router_decide: status and Party of length-delimited UIMs, the error codes, and no allocation once warm. */
static void check_decide(void) {
    CHECK(strcmp(uim_router_version(), UIM_ROUTER_VERSION_STRING) == 0, "library %s, header %s",
          uim_router_version(), UIM_ROUTER_VERSION_STRING);
    int status = 0;
    char party[16] = "garbage";
    CHECK(uim_router_decide(router, "]d2X1234", 8, "2026-06-01", &status, party, sizeof party) == UIM_ROUTER_OK
          && status == UIM_ROUTER_ROUTED && strcmp(party, "AA") == 0, "decide ]d2X1234: %d %s", status, party);
    /* The length delimits the UIM: a NUL inside is part of it (a control character: invalid), not its end. */
    CHECK(uim_router_decide(router, "X1234\0XYZ", 9, "2026-06-01", &status, party, sizeof party) == UIM_ROUTER_OK
          && status == UIM_ROUTER_INVALID && party[0] == 0, "decide with a NUL inside: %d '%s'", status, party);
    CHECK(uim_router_decide(router, "X1234XYZ", 5, "2026-06-01", &status, party, sizeof party) == UIM_ROUTER_OK
          && status == UIM_ROUTER_ROUTED && strcmp(party, "AA") == 0, "decide reads only `length` bytes");
    CHECK(uim_router_decide(router, "X9123", 5, "2026-06-01", &status, party, sizeof party) == UIM_ROUTER_OK
          && status == UIM_ROUTER_AMBIGUOUS && party[0] == 0, "decide X9123 (AA and ZZ): %d '%s'", status, party);
    CHECK(uim_router_decide(router, "Q1", 2, NULL, &status, party, sizeof party) == UIM_ROUTER_OK
          && status == UIM_ROUTER_UNROUTED && party[0] == 0, "decide Q1: %d '%s'", status, party);
    CHECK(uim_router_decide(router, NULL, 0, "2026-06-01", &status, party, sizeof party) == UIM_ROUTER_OK
          && status == UIM_ROUTER_INVALID, "decide of nothing: %d", status);
    CHECK(uim_router_decide(router, "X1234", 5, "2026-02-30", &status, party, sizeof party) == UIM_ROUTER_ERROR_DATE,
          "2026-02-30 accepted");
    CHECK(uim_router_decide(router, "X1234", 5, "2026-06-01x", &status, party, sizeof party) == UIM_ROUTER_ERROR_DATE,
          "2026-06-01x accepted");
    CHECK(uim_router_decide(router, "X1234", 5, "2026-06", &status, party, sizeof party) == UIM_ROUTER_ERROR_DATE,
          "2026-06 accepted");
    CHECK(uim_router_decide(NULL, "X1234", 5, NULL, &status, party, sizeof party) == UIM_ROUTER_ERROR, "NULL handle");
    CHECK(uim_router_decide(router, "X1234", 5, NULL, NULL, party, sizeof party) == UIM_ROUTER_ERROR, "NULL status");
    CHECK(uim_router_decide(router, NULL, 5, NULL, &status, party, sizeof party) == UIM_ROUTER_ERROR, "NULL uim");
    status = 0;
    CHECK(uim_router_decide(router, "X1234", 5, NULL, &status, party, 2) == UIM_ROUTER_ERROR_BUFFER_TOO_SMALL
          && status == UIM_ROUTER_ROUTED && party[0] == 0, "a Party buffer of 2 bytes: %d '%s'", status, party);
    CHECK(uim_router_decide(router, "X1234", 5, NULL, &status, party, 3) == UIM_ROUTER_OK && strcmp(party, "AA") == 0,
          "a Party buffer of 3 bytes");
    CHECK(uim_router_decide(router, "X1234", 5, NULL, &status, NULL, 0) == UIM_ROUTER_OK
          && status == UIM_ROUTER_ROUTED, "status only");

    const char *uims[] = {"X1234", "]d2X5678", "X9123", "nothing here", "X12\x01" "3"};
    for (int k = 0; k < 100; k++) {   /* warm-up: the thread's context and its buffers grow to size */
        uim_router_decide(router, uims[k % 5], strlen(uims[k % 5]), "2026-06-01", &status, party, sizeof party);
    }
    long before = __atomic_load_n(&allocations, __ATOMIC_RELAXED);
    long routed = 0;
    for (int k = 0; k < 10000; k++) {
        uim_router_decide(router, uims[k % 5], strlen(uims[k % 5]), "2026-06-01", &status, party, sizeof party);
        routed += status == UIM_ROUTER_ROUTED;
    }
    long allocated = __atomic_load_n(&allocations, __ATOMIC_RELAXED) - before;
    CHECK(routed == 4000, "%ld of 10000 routed", routed);
    CHECK(allocated == 0, "10000 warm decide calls allocated %ld times", allocated);
    /* The counter does see the library's allocations: the JSON call builds a result and a string each time. */
    char line[1024];
    before = __atomic_load_n(&allocations, __ATOMIC_RELAXED);
    for (int k = 0; k < 100; k++) uim_router_route(router, "X1234", "2026-06-01", line, sizeof line);
    CHECK(__atomic_load_n(&allocations, __ATOMIC_RELAXED) - before >= 100, "the allocation counter counts nothing");
    printf("decide_allocations_per_10000=%ld\n", allocated);
}

/* uim_router_route_batch: JSON lines in input order, equal to uim_router_route's, and the too-small protocol. */
static void check_batch(void) {
    const char *uims[] = {"X1234", "X12\0" "34", "", "X9123", "]d2X5678", "nothing here"};
    size_t lengths[] = {5, 6, 0, 5, 8, 12};
    const size_t count = 6;
    char expected[4096] = "";
    size_t expected_length = 0;
    for (size_t k = 0; k < count; k++) {
        char one[1024], copy[64];
        memcpy(copy, uims[k], lengths[k]);
        copy[lengths[k]] = 0;
        long n = k == 1 ? -1 : uim_router_route(router, copy, "2026-06-01", one, sizeof one);
        if (k == 1) {   /* uim_router_route would stop at the NUL; the batch routes all six bytes: invalid */
            n = snprintf(one, sizeof one, "{\"uim\":\"X12\\u000034\",\"status\":\"invalid\",\"matches\":[],"
                         "\"rejected\":[],\"error\":\"control character\"}");
        }
        memcpy(expected + expected_length, one, (size_t)n);
        expected_length += (size_t)n;
        expected[expected_length++] = '\n';
    }
    expected[expected_length] = 0;

    char out[4096];
    size_t written = 12345;
    long done = uim_router_route_batch(router, uims, lengths, count, "2026-06-01", out, sizeof out, &written);
    CHECK(done == (long)count && written == expected_length && memcmp(out, expected, written) == 0,
          "batch: %ld lines, %zu bytes:\n%.*s\nwanted:\n%s", done, written, (int)written, out, expected);

    /* A buffer one byte short of the first line: nothing written, the line's length returned in `written`. */
    size_t first = (size_t)(strchr(expected, '\n') - expected) + 1;
    done = uim_router_route_batch(router, uims, lengths, count, "2026-06-01", out, first - 1, &written);
    CHECK(done == UIM_ROUTER_ERROR_BUFFER_TOO_SMALL && written == first, "too small for one line: %ld, %zu (want %zu)",
          done, written, first);
    /* Draining a buffer that holds about two lines reproduces the whole output, every UIM routed once. */
    char drained[4096];
    size_t drained_length = 0, at = 0, calls = 0, capacity = 2 * first + 10;
    while (at < count && calls < 20) {
        calls++;
        done = uim_router_route_batch(router, uims + at, lengths + at, count - at, "2026-06-01", out, capacity,
                                      &written);
        if (done == UIM_ROUTER_ERROR_BUFFER_TOO_SMALL) { capacity = written; continue; }
        if (done <= 0) break;
        memcpy(drained + drained_length, out, written);
        drained_length += written;
        at += (size_t)done;
    }
    CHECK(at == count && drained_length == expected_length && memcmp(drained, expected, expected_length) == 0,
          "draining in %zu calls gave %zu of %zu bytes", calls, drained_length, expected_length);

    CHECK(uim_router_route_batch(router, uims, lengths, 0, NULL, NULL, 0, &written) == 0 && written == 0, "empty");
    CHECK(uim_router_route_batch(router, uims, lengths, count, "2026-13-01", out, sizeof out, &written)
          == UIM_ROUTER_ERROR_DATE, "bad date");
    const char *holes[] = {"X1234", NULL};
    size_t hole_lengths[] = {5, 3};
    CHECK(uim_router_route_batch(router, holes, hole_lengths, 2, NULL, out, sizeof out, &written) == UIM_ROUTER_ERROR,
          "a NULL UIM with a length");
    CHECK(uim_router_route_batch(router, uims, lengths, count, NULL, out, sizeof out, NULL) == UIM_ROUTER_ERROR,
          "NULL written");
    CHECK(uim_router_route_batch(NULL, uims, lengths, count, NULL, out, sizeof out, &written) == UIM_ROUTER_ERROR,
          "NULL handle");
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
    check_decide();
    check_batch();

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
    CHECK(decided_wrong == 0, "%ld decisions from neither registry", decided_wrong);
    CHECK(routed_a + routed_b > 0, "no thread routed");

    uim_router_close(router);
    printf("c_route_ns_per_uim=%.0f threaded_results=%ld (AA %ld, BB %ld) failures=%d\n", ns,
           routed_a + routed_b + wrong, routed_a, routed_b, failures);
    return failures == 0 ? 0 : 1;
}
