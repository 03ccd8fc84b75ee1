// Only ICUBridge's C sources include ICU; this header just lets SwiftPM find and link it.
#include <unicode/utypes.h>
