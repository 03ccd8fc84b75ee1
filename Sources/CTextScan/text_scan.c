#include "text_scan.h"

static inline int is_ascii_space(uint8_t c) { return c == 0x20 || (c >= 0x09 && c <= 0x0D); }

void tscan_paragraph(const uint8_t *s, int32_t n, tscan_paragraph_info *info) {
    int32_t han = 0, latin = 0, ws = 0, nfc = 0;
    if (n > 0 && (is_ascii_space(s[0]) || is_ascii_space(s[n - 1]))) ws = 1;
    int previous_space = 0;
    int32_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        if (c < 0x80) {
            if (c == 0x20) {
                if (previous_space) ws = 1;
                previous_space = 1;
            } else {
                previous_space = 0;
                if (c < 0x20 || c == 0x7F) ws = 1;
                else if ((uint8_t)((c | 0x20) - 0x61) < 26) latin++;
            }
            i++;
            continue;
        }
        previous_space = 0;
        if (c < 0xE0) {
            uint8_t b1 = i + 1 < n ? s[i + 1] : 0;
            if (c >= 0xC3 && c <= 0xC9) latin++;
            if (c == 0xC2 && b1 <= 0xA0) ws = 1;  // C1 controls, NEL, NBSP
            if (c >= 0xCC) nfc = 1;
            i += 2;
            continue;
        }
        if (c < 0xF0) {
            uint8_t b1 = i + 1 < n ? s[i + 1] : 0;
            uint8_t b2 = i + 2 < n ? s[i + 2] : 0;
            switch (c) {
            case 0xE1:
                if (b1 == 0x9A && b2 == 0x80) ws = 1;  // U+1680
                nfc = 1;
                break;
            case 0xE2:
                if (b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) ws = 1;
                if (b1 == 0x81 && b2 == 0x9F) ws = 1;
                if (b1 > 0x81 || (b1 == 0x80 && b2 <= 0x81)) nfc = 1;
                break;
            case 0xE3:
                if (b1 == 0x80 && b2 == 0x80) ws = 1;  // U+3000
                if (b1 == 0x82 && (b2 == 0x99 || b2 == 0x9A)) nfc = 1;
                if (b1 >= 0x90) han++;
                break;
            case 0xE4: case 0xE5: case 0xE6: case 0xE7: case 0xE8: case 0xE9:
                han++;
                break;
            case 0xEA: case 0xEB: case 0xEC: case 0xED: {
                uint32_t v = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(b1 & 0x3F) << 6) | (b2 & 0x3F);
                if (v < 0xAC00 || v > 0xD7A3) nfc = 1;
                break;
            }
            case 0xEF:
                if (b1 == 0xBB && b2 == 0xBF) ws = 1;  // U+FEFF
                if (b1 >= 0xA4 && b1 <= 0xAB) { han++; nfc = 1; }
                else if (b1 < 0xBC) nfc = 1;
                break;
            default:
                nfc = 1;
            }
            i += 3;
            continue;
        }
        if (c == 0xF0 && i + 1 < n && s[i + 1] >= 0xA0 && s[i + 1] <= 0xB1) han++;
        nfc = 1;
        i += 4;
    }
    info->han = han;
    info->latin = latin;
    info->needs_whitespace_work = ws;
    info->may_need_nfc = nfc;
}

int32_t tscan_utf8_check(const uint8_t *s, int32_t n, int32_t *incomplete_tail, int32_t *nul_count,
                         int32_t *control_count) {
    *incomplete_tail = 0;
    int32_t nuls = 0, controls = 0;
    int32_t i = 0;
    int32_t result = -1;
    while (i < n) {
        uint8_t c = s[i];
        if (c < 0x80) {
            if (c < 0x20) {
                if (c == 0) nuls++;
                else if (c != 0x09 && c != 0x0A && c != 0x0C && c != 0x0D) controls++;
            }
            i++;
            continue;
        }
        int32_t need;
        uint8_t lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) need = 1;
        else if (c == 0xE0) { need = 2; lo = 0xA0; }
        else if (c >= 0xE1 && c <= 0xEC) need = 2;
        else if (c == 0xED) { need = 2; hi = 0x9F; }
        else if (c >= 0xEE && c <= 0xEF) need = 2;
        else if (c == 0xF0) { need = 3; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) need = 3;
        else if (c == 0xF4) { need = 3; hi = 0x8F; }
        else { result = i; break; }
        int32_t k;
        int bad = 0;
        for (k = 1; k <= need; k++) {
            if (i + k >= n) { *incomplete_tail = n - i; goto done; }
            uint8_t t = s[i + k];
            if (k == 1 ? (t < lo || t > hi) : (t < 0x80 || t > 0xBF)) { bad = 1; break; }
        }
        if (bad) { result = i; break; }
        i += need + 1;
    }
done:
    *nul_count = nuls;
    *control_count = controls;
    return result;
}
