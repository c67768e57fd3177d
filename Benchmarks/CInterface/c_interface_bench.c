/* Per-UIM cost of the C interface seen by a C host, on a file of UIMs held in memory (one per line, or the first
 * tab-separated field, as `uim-router bench` reads it), with the bundled registry on a fixed date:
 *   decide  uim_router_decide per UIM (status and Party), one thread, warm;
 *   batch   uim_router_route_batch over the whole list, JSON lines into a 1 MiB buffer drained call after call;
 *   route   uim_router_route per UIM (one JSON line into a buffer), for comparison.
 * Each figure is the median over REPEATS passes of (pass time / UIMs). Prints key=value lines.
 * Usage: c_interface_bench FILE [REPEATS] [DATE] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "uim_router.h"

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s FILE [REPEATS] [DATE]\n", argv[0]); return 64; }
    int repeats = argc > 2 ? atoi(argv[2]) : 20;
    const char *date = argc > 3 ? argv[3] : "2026-06-01";
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 66; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    char *text = malloc((size_t)size + 1);
    if (fread(text, 1, (size_t)size, file) != (size_t)size) { perror(argv[1]); return 74; }
    fclose(file);
    size_t count = 0;
    for (long k = 0; k < size; k++) count += text[k] == '\n';
    if (size > 0 && text[size - 1] != '\n') count++;
    const char **uims = malloc(count * sizeof *uims);
    size_t *lengths = malloc(count * sizeof *lengths);
    size_t n = 0;
    for (char *line = text; line < text + size && n < count;) {
        char *end = memchr(line, '\n', (size_t)(text + size - line));
        if (!end) end = text + size;
        char *tab = memchr(line, '\t', (size_t)(end - line));
        uims[n] = line;
        lengths[n++] = (size_t)((tab ? tab : end) - line);
        line = end + 1;
    }

    char *diagnostics = NULL;
    uim_router *router = uim_router_open(NULL, &diagnostics);
    if (!router) { fprintf(stderr, "%s\n", diagnostics); return 1; }
    double *passes = malloc((size_t)repeats * sizeof *passes);
    long counts[5] = {0};
    int status;
    char party[64];

    for (size_t k = 0; k < n; k++) {   /* warm-up, and the counts */
        uim_router_decide(router, uims[k], lengths[k], date, &status, party, sizeof party);
        counts[status]++;
    }
    for (int r = 0; r < repeats; r++) {
        double start = now_ns();
        for (size_t k = 0; k < n; k++) {
            uim_router_decide(router, uims[k], lengths[k], date, &status, party, sizeof party);
        }
        passes[r] = (now_ns() - start) / (double)n;
    }
    qsort(passes, (size_t)repeats, sizeof *passes, by_value);
    printf("call=decide uims=%zu ns_per_uim=%.1f routed=%ld ambiguous=%ld unrouted=%ld invalid=%ld\n", n,
           passes[repeats / 2], counts[1], counts[2], counts[3], counts[4]);

    size_t capacity = 1 << 20;
    char *buffer = malloc(capacity);
    size_t bytes = 0;
    for (int r = -1; r < repeats; r++) {   /* pass -1 warms up */
        double start = now_ns();
        size_t at = 0, written = 0;
        bytes = 0;
        while (at < n) {
            long done = uim_router_route_batch(router, uims + at, lengths + at, n - at, date, buffer, capacity, &written);
            if (done <= 0) { fprintf(stderr, "route_batch returned %ld\n", done); return 1; }
            at += (size_t)done;
            bytes += written;
        }
        if (r >= 0) passes[r] = (now_ns() - start) / (double)n;
    }
    qsort(passes, (size_t)repeats, sizeof *passes, by_value);
    printf("call=route_batch uims=%zu ns_per_uim=%.1f json_bytes=%zu\n", n, passes[repeats / 2], bytes);

    /* uim_router_route needs NUL-terminated UIMs: copies, made before timing. */
    char **copies = malloc(n * sizeof *copies);
    for (size_t k = 0; k < n; k++) {
        copies[k] = malloc(lengths[k] + 1);
        memcpy(copies[k], uims[k], lengths[k]);
        copies[k][lengths[k]] = 0;
    }
    char line[64 * 1024];
    for (int r = -1; r < repeats; r++) {
        double start = now_ns();
        for (size_t k = 0; k < n; k++) uim_router_route(router, copies[k], date, line, sizeof line);
        if (r >= 0) passes[r] = (now_ns() - start) / (double)n;
    }
    qsort(passes, (size_t)repeats, sizeof *passes, by_value);
    printf("call=route uims=%zu ns_per_uim=%.1f\n", n, passes[repeats / 2]);
    uim_router_close(router);
    return 0;
}
