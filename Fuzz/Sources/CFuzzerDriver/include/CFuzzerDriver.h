#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's documented entry point for programs that own `main`
/// (https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library). SwiftPM links executables with
/// `--defsym main=<Module>_main`, which hides libFuzzer's own `main`, so each target calls this from its `@main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

/// An anonymous in-memory file (memfd_create), for feeding bytes to code that reads file descriptors;
/// -1 on failure.
int fuzz_memfd(void);
#endif
