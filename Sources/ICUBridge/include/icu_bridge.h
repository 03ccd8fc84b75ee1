// ICUBridge: every call aligncorpus makes into system ICU goes through this header.
//
// The header uses only <stdint.h> types on purpose: Foundation on Linux carries its own
// private ICU, and a Swift module that sees both ICU's headers and Foundation fails to
// compile. ICU's headers are included by icu_bridge.c alone.
//
// Status values are ICU UErrorCode numbers: 0 is success, negative values are warnings
// (success), positive values are failures. Text crosses the bridge as UTF-8.
#ifndef ICU_BRIDGE_H
#define ICU_BRIDGE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// True (1) when an ICU status code means failure.
static inline int32_t acb_failed(int32_t status) { return status > 0 ? 1 : 0; }

/// Writes ICU's name for a status code (for example "U_INVALID_CHAR_FOUND") into `out`.
void acb_error_name(int32_t status, char *out, int32_t capacity);

// MARK: Break iteration

typedef struct acb_breaker acb_breaker;

enum { ACB_BREAK_WORD = 0, ACB_BREAK_SENTENCE = 1 };

/// Opens a word or sentence break iterator for a locale such as "zh" or "en@ss=standard".
/// Not thread-safe: use one per thread.
acb_breaker *acb_breaker_open(int32_t kind, const char *locale, int32_t *status);
void acb_breaker_close(acb_breaker *breaker);

/// Breaks `length` bytes of valid UTF-8. Writes the end offset (in UTF-8 bytes) of every
/// segment into `ends` and, for word iterators, its rule status (0 none/punctuation,
/// 100 number, 200 letter, 300 kana, 400 ideographic) into `rule_status` (may be NULL).
/// Both arrays must hold at least `length` entries. Returns the number of segments.
int32_t acb_breaker_run(acb_breaker *breaker, const uint8_t *utf8, int32_t length,
                        int32_t *ends, int32_t *rule_status, int32_t *status);

/// Word-breaks `length` bytes of UTF-8 once and writes, for each of the `count` byte ranges
/// [starts[k], ends[k]), its words (white space dropped, pieces clipped to the range)
/// separated by single spaces and ended by a line feed. `out` must hold 2 * length + count
/// bytes. Returns the number of bytes written. The fast path of `segment --words`.
int32_t acb_breaker_write_words(acb_breaker *breaker, const uint8_t *utf8, int32_t length,
                                const int32_t *starts, const int32_t *ends, int32_t count,
                                uint8_t *out, int32_t *status);

/// The bare ICU word-break loop used as the benchmark's yardstick: u_strFromUTF8 into a
/// reused buffer, ubrk_setText, ubrk_next to the end. Returns the number of boundaries.
int64_t acb_bare_word_break(acb_breaker *breaker, const uint8_t *utf8, int32_t length, int32_t *status);

// MARK: Transforms and normalization

typedef struct acb_transform acb_transform;

/// Opens an ICU transliterator by id, such as "Han-Latin; Latin-ASCII" or
/// "Traditional-Simplified". Slow to open (about 0.25 s): open once, reuse.
acb_transform *acb_transform_open(const char *id, int32_t *status);
void acb_transform_close(acb_transform *transform);

/// Transforms UTF-8 text. Returns the UTF-8 length of the result; writes it to `out` when
/// it fits in `capacity` bytes (call again with a larger buffer otherwise).
int32_t acb_transform_run(acb_transform *transform, const uint8_t *utf8, int32_t length,
                          uint8_t *out, int32_t capacity, int32_t *status);

enum { ACB_NORM_NFC = 0, ACB_NORM_NFKC_CASEFOLD = 1 };

/// Normalizes UTF-8 text (NFC, or NFKC with case folding). Same size contract as
/// acb_transform_run.
int32_t acb_normalize(int32_t form, const uint8_t *utf8, int32_t length, uint8_t *out,
                      int32_t capacity, int32_t *status);

// MARK: Charsets

/// Detects the charset of a byte sample. Writes ICU's charset name into `name` and its
/// confidence (0-100) into `confidence`. Returns 0 when nothing matched.
int32_t acb_detect_charset(const uint8_t *bytes, int32_t length, char *name,
                           int32_t name_capacity, int32_t *confidence, int32_t *status);

typedef struct acb_decoder acb_decoder;

/// Opens a streaming decoder from `charset` to UTF-8 that stops at the first invalid or
/// unmappable byte sequence instead of substituting it.
acb_decoder *acb_decoder_open(const char *charset, int32_t *status);
void acb_decoder_close(acb_decoder *decoder);

/// Decodes the next `length` input bytes (set `flush` on the last call). `out` must hold
/// 3 * length + 64 bytes. Returns the number of UTF-8 bytes written. On a bad sequence
/// the status is a failure and `bad_offset` gets its offset within this call's input
/// (0 when it began in an earlier call).
int32_t acb_decoder_run(acb_decoder *decoder, const uint8_t *in, int32_t length,
                        int32_t flush, uint8_t *out, int32_t *bad_offset, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
