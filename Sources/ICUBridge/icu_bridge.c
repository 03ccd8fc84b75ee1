// The only file in aligncorpus that includes ICU headers. ICU's C API is versioned
// (ubrk_open is a macro for ubrk_open_72); calling it from C lets the preprocessor apply
// that renaming, which Swift cannot.
#include "icu_bridge.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

void acb_error_name(int32_t status, char *out, int32_t capacity) {
    if (capacity <= 0) return;
    const char *name = u_errorName((UErrorCode)status);
    strncpy(out, name, (size_t)capacity - 1);
    out[capacity - 1] = 0;
}

// MARK: UTF-8 <-> UTF-16 with an offset map

/// A growable UTF-16 buffer plus, for every UTF-16 unit, the UTF-8 offset it came from.
typedef struct {
    UChar *units;
    int32_t *utf8_offset;
    int32_t capacity;
} u16_buffer;

static int u16_reserve(u16_buffer *b, int32_t needed) {
    if (needed <= b->capacity) return 1;
    int32_t cap = b->capacity ? b->capacity : 1024;
    while (cap < needed) cap *= 2;
    UChar *u = realloc(b->units, sizeof(UChar) * (size_t)cap);
    if (!u) return 0;
    b->units = u;
    int32_t *o = realloc(b->utf8_offset, sizeof(int32_t) * (size_t)cap);
    if (!o) return 0;
    b->utf8_offset = o;
    b->capacity = cap;
    return 1;
}

static void u16_free(u16_buffer *b) {
    free(b->units);
    free(b->utf8_offset);
    memset(b, 0, sizeof *b);
}

/// Decodes valid UTF-8 into UTF-16, recording offsets (one extra entry for the end).
/// Returns the number of UTF-16 units, or -1 on allocation failure.
static int32_t u16_from_utf8(u16_buffer *b, const uint8_t *s, int32_t n, int with_map) {
    if (!u16_reserve(b, n + 1)) return -1;
    UChar *u = b->units;
    int32_t *map = b->utf8_offset;
    int32_t i = 0, k = 0;
    while (i < n) {
        uint8_t c = s[i];
        if (c < 0x80) {
            if (with_map) map[k] = i;
            u[k++] = c;
            i += 1;
        } else if (c < 0xE0) {
            if (with_map) map[k] = i;
            u[k++] = (UChar)(((c & 0x1F) << 6) | (s[i + 1] & 0x3F));
            i += 2;
        } else if (c < 0xF0) {
            if (with_map) map[k] = i;
            u[k++] = (UChar)(((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F));
            i += 3;
        } else {
            uint32_t cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12) |
                          ((uint32_t)(s[i + 2] & 0x3F) << 6) | (uint32_t)(s[i + 3] & 0x3F);
            cp -= 0x10000;
            if (with_map) { map[k] = i; map[k + 1] = i; }
            u[k++] = (UChar)(0xD800 + (cp >> 10));
            u[k++] = (UChar)(0xDC00 + (cp & 0x3FF));
            i += 4;
        }
    }
    if (with_map) map[k] = n;
    return k;
}

/// Writes UTF-16 as UTF-8 into `out`; returns the full UTF-8 length (may exceed capacity).
static int32_t utf8_from_u16(const UChar *u, int32_t n, uint8_t *out, int32_t capacity,
                             int32_t *status) {
    int32_t written = 0;
    UErrorCode e = U_ZERO_ERROR;
    u_strToUTF8((char *)out, capacity, &written, u, n, &e);
    if (e == U_BUFFER_OVERFLOW_ERROR || e == U_STRING_NOT_TERMINATED_WARNING) e = U_ZERO_ERROR;
    *status = e;
    return written;
}

// MARK: Break iteration

struct acb_breaker {
    UBreakIterator *it;
    int32_t kind;
    u16_buffer text;
};

acb_breaker *acb_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode e = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(kind == ACB_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD,
                                   locale, NULL, 0, &e);
    *status = e;
    if (U_FAILURE(e)) return NULL;
    acb_breaker *b = calloc(1, sizeof *b);
    if (!b) { ubrk_close(it); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->it = it;
    b->kind = kind;
    return b;
}

void acb_breaker_close(acb_breaker *b) {
    if (!b) return;
    ubrk_close(b->it);
    u16_free(&b->text);
    free(b);
}

int32_t acb_breaker_run(acb_breaker *b, const uint8_t *utf8, int32_t length, int32_t *ends,
                        int32_t *rule_status, int32_t *status) {
    *status = U_ZERO_ERROR;
    if (length <= 0) return 0;
    int32_t n = u16_from_utf8(&b->text, utf8, length, 1);
    if (n < 0) { *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
    UErrorCode e = U_ZERO_ERROR;
    ubrk_setText(b->it, b->text.units, n, &e);
    if (U_FAILURE(e)) { *status = e; return 0; }
    int32_t count = 0;
    ubrk_first(b->it);
    for (int32_t end = ubrk_next(b->it); end != UBRK_DONE; end = ubrk_next(b->it)) {
        ends[count] = b->text.utf8_offset[end];
        if (rule_status) rule_status[count] = ubrk_getRuleStatus(b->it);
        count++;
    }
    return count;
}

int32_t acb_breaker_write_words(acb_breaker *b, const uint8_t *utf8, int32_t length,
                                const int32_t *starts, const int32_t *ends, int32_t count,
                                uint8_t *out, int32_t *status) {
    *status = U_ZERO_ERROR;
    int32_t w = 0;
    if (count <= 0) return 0;
    int32_t n = length > 0 ? u16_from_utf8(&b->text, utf8, length, 1) : 0;
    if (n < 0) { *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
    UErrorCode e = U_ZERO_ERROR;
    if (n > 0) ubrk_setText(b->it, b->text.units, n, &e);
    if (U_FAILURE(e)) { *status = e; return 0; }
    int32_t k = 0;
    int first_in_line = 1;
    int32_t start = 0;
    if (n > 0) ubrk_first(b->it);
    for (int32_t p = n > 0 ? ubrk_next(b->it) : UBRK_DONE; p != UBRK_DONE && k < count; p = ubrk_next(b->it)) {
        int32_t end = b->text.utf8_offset[p];
        int32_t s0 = start;
        start = end;
        if (utf8[s0] == ' ' || utf8[s0] == '\t') continue;  // spaces are single after cleaning
        while (k < count && s0 >= ends[k]) {
            out[w++] = '\n';
            first_in_line = 1;
            k++;
        }
        if (k >= count) break;
        int32_t a = s0 > starts[k] ? s0 : starts[k];
        int32_t z = end < ends[k] ? end : ends[k];
        if (a >= z) continue;
        if (!first_in_line) out[w++] = ' ';
        memcpy(out + w, utf8 + a, (size_t)(z - a));
        w += z - a;
        first_in_line = 0;
    }
    while (k < count) { out[w++] = '\n'; k++; }
    return w;
}

int64_t acb_bare_word_break(acb_breaker *b, const uint8_t *utf8, int32_t length, int32_t *status) {
    if (!u16_reserve(&b->text, length + 1)) { *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
    UErrorCode e = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(b->text.units, b->text.capacity, &n, (const char *)utf8, length, &e);
    if (U_SUCCESS(e)) ubrk_setText(b->it, b->text.units, n, &e);
    *status = e;
    if (U_FAILURE(e)) return 0;
    int64_t count = 0;
    for (int32_t p = ubrk_first(b->it); p != UBRK_DONE; p = ubrk_next(b->it)) count++;
    return count;
}

// MARK: Transforms and normalization

struct acb_transform {
    UTransliterator *trans;
    u16_buffer text;
};

acb_transform *acb_transform_open(const char *id, int32_t *status) {
    UErrorCode e = U_ZERO_ERROR;
    UChar uid[128];
    u_uastrncpy(uid, id, 127);
    uid[127] = 0;
    UTransliterator *t = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
    *status = e;
    if (U_FAILURE(e)) return NULL;
    acb_transform *r = calloc(1, sizeof *r);
    if (!r) { utrans_close(t); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    r->trans = t;
    return r;
}

void acb_transform_close(acb_transform *t) {
    if (!t) return;
    utrans_close(t->trans);
    u16_free(&t->text);
    free(t);
}

int32_t acb_transform_run(acb_transform *t, const uint8_t *utf8, int32_t length, uint8_t *out,
                          int32_t capacity, int32_t *status) {
    int32_t n = u16_from_utf8(&t->text, utf8, length, 0);
    if (n < 0) { *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
    int32_t cap = n * 8 + 16;
    for (;;) {
        if (!u16_reserve(&t->text, cap)) { *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
        // utrans works in place; re-decode after a failed attempt.
        n = u16_from_utf8(&t->text, utf8, length, 0);
        int32_t text_length = n, limit = n;
        UErrorCode e = U_ZERO_ERROR;
        utrans_transUChars(t->trans, t->text.units, &text_length, t->text.capacity, 0, &limit, &e);
        if (e == U_BUFFER_OVERFLOW_ERROR) { cap = text_length + 16; continue; }
        if (U_FAILURE(e)) { *status = e; return 0; }
        return utf8_from_u16(t->text.units, text_length, out, capacity, status);
    }
}

int32_t acb_normalize(int32_t form, const uint8_t *utf8, int32_t length, uint8_t *out,
                      int32_t capacity, int32_t *status) {
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *norm = form == ACB_NORM_NFC ? unorm2_getNFCInstance(&e)
                                                     : unorm2_getNFKCCasefoldInstance(&e);
    if (U_FAILURE(e)) { *status = e; return 0; }
    u16_buffer src = {0}, dst = {0};
    int32_t n = u16_from_utf8(&src, utf8, length, 0);
    int32_t result = 0;
    if (n < 0 || !u16_reserve(&dst, n * 3 + 16)) { *status = U_MEMORY_ALLOCATION_ERROR; goto done; }
    int32_t m = unorm2_normalize(norm, src.units, n, dst.units, dst.capacity, &e);
    if (e == U_BUFFER_OVERFLOW_ERROR) {
        e = U_ZERO_ERROR;
        if (!u16_reserve(&dst, m + 1)) { *status = U_MEMORY_ALLOCATION_ERROR; goto done; }
        m = unorm2_normalize(norm, src.units, n, dst.units, dst.capacity, &e);
    }
    if (U_FAILURE(e)) { *status = e; goto done; }
    result = utf8_from_u16(dst.units, m, out, capacity, status);
done:
    u16_free(&src);
    u16_free(&dst);
    return result;
}

// MARK: Charsets

int32_t acb_detect_charset(const uint8_t *bytes, int32_t length, char *name,
                           int32_t name_capacity, int32_t *confidence, int32_t *status) {
    UErrorCode e = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&e);
    if (U_FAILURE(e)) { *status = e; return 0; }
    ucsdet_setText(det, (const char *)bytes, length, &e);
    const UCharsetMatch *m = U_SUCCESS(e) ? ucsdet_detect(det, &e) : NULL;
    int32_t found = 0;
    if (m && U_SUCCESS(e)) {
        const char *n = ucsdet_getName(m, &e);
        *confidence = ucsdet_getConfidence(m, &e);
        if (U_SUCCESS(e) && n) {
            strncpy(name, n, (size_t)name_capacity - 1);
            name[name_capacity - 1] = 0;
            found = 1;
        }
    }
    ucsdet_close(det);
    *status = U_FAILURE(e) ? e : U_ZERO_ERROR;
    return found;
}

struct acb_decoder {
    UConverter *cnv;
    u16_buffer text;
};

acb_decoder *acb_decoder_open(const char *charset, int32_t *status) {
    UErrorCode e = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &e);
    if (U_FAILURE(e)) { *status = e; return NULL; }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &e);
    if (U_FAILURE(e)) { ucnv_close(cnv); *status = e; return NULL; }
    acb_decoder *d = calloc(1, sizeof *d);
    if (!d) { ucnv_close(cnv); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    d->cnv = cnv;
    *status = U_ZERO_ERROR;
    return d;
}

void acb_decoder_close(acb_decoder *d) {
    if (!d) return;
    ucnv_close(d->cnv);
    u16_free(&d->text);
    free(d);
}

int32_t acb_decoder_run(acb_decoder *d, const uint8_t *in, int32_t length, int32_t flush,
                        uint8_t *out, int32_t *bad_offset, int32_t *status) {
    *bad_offset = 0;
    // Each input byte yields at most one UTF-16 unit, plus what the converter held back.
    if (!u16_reserve(&d->text, length + 64)) { *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
    UChar *target = d->text.units;
    const char *source = (const char *)in;
    UErrorCode e = U_ZERO_ERROR;
    ucnv_toUnicode(d->cnv, &target, d->text.units + d->text.capacity, &source,
                   (const char *)in + length, NULL, (UBool)(flush != 0), &e);
    int32_t units = (int32_t)(target - d->text.units);
    if (U_FAILURE(e)) {
        char bad[32];
        int8_t bad_length = (int8_t)sizeof bad;
        UErrorCode e2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(d->cnv, bad, &bad_length, &e2);
        int32_t offset = (int32_t)(source - (const char *)in) - (U_SUCCESS(e2) ? bad_length : 0);
        *bad_offset = offset < 0 ? 0 : offset;
    }
    int32_t convert_status = U_ZERO_ERROR;
    int32_t written = utf8_from_u16(d->text.units, units, out, length * 3 + 64, &convert_status);
    *status = U_FAILURE(e) ? e : convert_status;
    return written;
}
