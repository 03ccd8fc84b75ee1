// CTextScan: byte-level scans of UTF-8 text that run on every paragraph and chunk, kept in
// C so they go at memory speed. No ICU here (see ICUBridge for that).
#ifndef TEXT_SCAN_H
#define TEXT_SCAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What one pass over a paragraph's UTF-8 tells.
typedef struct {
    /// Han ideographs (U+3400–U+9FFF, U+F900–U+FAFF, U+20000–U+3134F).
    int32_t han;
    /// Latin letters (ASCII, Latin-1 and Latin Extended-A/B).
    int32_t latin;
    /// 1 when collapsing white space would change the text: leading, trailing or repeated
    /// spaces, tabs and line breaks, control characters, non-ASCII spaces.
    int32_t needs_whitespace_work;
    /// 1 when some character may change under NFC (anything outside the ranges NFC is
    /// known to leave alone: below U+0300, CJK and kana, general punctuation, Hangul
    /// syllables, full-width forms).
    int32_t may_need_nfc;
} tscan_paragraph_info;

/// Scans a paragraph of valid UTF-8.
void tscan_paragraph(const uint8_t *bytes, int32_t length, tscan_paragraph_info *info);

/// Checks UTF-8 and counts NUL bytes and other C0 control characters (tab, LF, FF and CR
/// excluded). Returns -1 when valid (an unfinished sequence at the very end is allowed: its
/// length goes to `incomplete_tail`), else the offset of the first bad byte.
int32_t tscan_utf8_check(const uint8_t *bytes, int32_t length, int32_t *incomplete_tail,
                         int32_t *nul_count, int32_t *control_count);

#ifdef __cplusplus
}
#endif

#endif
