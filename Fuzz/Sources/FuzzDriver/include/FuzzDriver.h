#ifndef OUROBOROS_FUZZ_DRIVER_H
#define OUROBOROS_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (linked by -sanitize=fuzzer). SwiftPM gives every executable target a
/// `<TARGET>_main` entry point, so each fuzz target defines one that hands over to this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
