// memfd_create needs _GNU_SOURCE, which Swift's Glibc module does not define; hence this tiny C helper.
#define _GNU_SOURCE
#include <sys/mman.h>
#include "CFuzzerDriver.h"

int fuzz_memfd(void) { return memfd_create("fuzz-input", MFD_CLOEXEC); }
