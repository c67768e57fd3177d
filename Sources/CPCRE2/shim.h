#ifndef CPCRE2_SHIM_H
#define CPCRE2_SHIM_H

// PCRE2 must be told its code-unit width before pcre2.h is included; UIMRouter uses only
// the 8-bit (UTF-8) library, libpcre2-8 (Debian: libpcre2-dev).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#endif
