/// A number or date mentioned in a sentence, as a value that both languages can share:
/// `2,000多` and `2,000` give 2000, `三十二` gives 32, `7月2日` and `July 2` give month 7 day 2.
public enum NumberKey: Hashable, Sendable, CustomStringConvertible {
    /// A plain quantity (years are quantities too: `2024年` gives 2024).
    case value(Double)
    /// A day of a month, without the year.
    case date(month: Int, day: Int)
    /// A day whose month is left unsaid (`31日`: Chinese news dates the current month's
    /// events by the day alone).
    case day(Int)

    /// `2000`, `1.5`, or `7/2` for a date.
    public var description: String {
        switch self {
        case .value(let v):
            return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
        case .date(let m, let d):
            return "\(m)/\(d)"
        case .day(let d):
            return "*/\(d)"
        }
    }
}

/// Values of Chinese numerals: `三十二` → 32, `二〇二四` → 2024, `一万五千` → 15000.
public enum ChineseNumerals {
    static let digitValues: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let unitValues: [Unicode.Scalar: Double] = ["十": 10, "百": 100, "千": 1000]
    static let bigUnitValues: [Unicode.Scalar: Double] = ["万": 1e4, "亿": 1e8]

    /// True for the characters a Chinese numeral is written with. (A switch, not the
    /// tables: this runs on every character of every sentence.)
    public static func isNumeral(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
            0x767E, 0x5343, 0x4E07, 0x4EBF:
            return true
        default:
            return false
        }
    }

    /// The value of a run of numeral characters, or nil if it is not one.
    public static func value(of text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty, scalars.allSatisfy(isNumeral) else { return nil }
        if scalars.allSatisfy({ digitValues[$0] != nil }) {
            // Positional: 二〇二四
            return scalars.reduce(0.0) { $0 * 10 + Double(digitValues[$1]!) }
        }
        var total = 0.0  // multiples of 亿
        var tenThousands = 0.0  // multiples of 万 below 亿
        var section = 0.0  // below 万
        var number = 0.0
        for c in scalars {
            if let d = digitValues[c] {
                number = Double(d)
            } else if let u = unitValues[c] {
                section += (number == 0 ? 1 : number) * u
                number = 0
            } else if c == "万" {
                let part = section + number
                tenThousands = (part == 0 ? 1 : part) * 1e4
                section = 0
                number = 0
            } else {
                let part = tenThousands + section + number
                total = (total + (part == 0 ? 1 : part)) * 1e8
                tenThousands = 0
                section = 0
                number = 0
            }
        }
        return total + tenThousands + section + number
    }
}

/// Finds the numbers and dates of a sentence's matching key (NFKC, case-folded text).
public enum NumberExtractor {
    /// Characters after which a lone Chinese numeral is a quantity (`三年`, `两国`, `第一次`).
    static let chineseUnits: Set<Unicode.Scalar> = Set("年月日号个位名次岁天周届项条家人倍国场座架件种".unicodeScalars)
    static let chineseMultipliers: [Unicode.Scalar: Double] = ["万": 1e4, "亿": 1e8]
    static let englishMultipliers: [UInt64: Double] = packed([
        "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    ])
    static let englishWords: [UInt64: Double] = packed([
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
        "million": 1e6, "billion": 1e9, "first": 1, "third": 3, "dozen": 12,
    ])
    static let englishMonths: [UInt64: Int] = packed([
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ])

    /// Lower-case ASCII words of up to twelve letters as integers (five bits a letter):
    /// the word tables are looked up for every word of every sentence, and hashing an
    /// integer costs far less than hashing a String.
    static func packed<Value>(_ table: [String: Value]) -> [UInt64: Value] {
        var result: [UInt64: Value] = [:]
        for (word, value) in table { result[pack(Array(word.unicodeScalars)[...])!] = value }
        return result
    }

    /// The packed form of a run of ASCII letters, case-folded; nil for anything else.
    static func pack(_ letters: ArraySlice<Unicode.Scalar>) -> UInt64? {
        guard letters.count <= 12 else { return nil }
        var key: UInt64 = 0
        for var c in letters {
            if c.value >= 0x41 && c.value <= 0x5A { c = Unicode.Scalar(c.value | 0x20)! }
            guard c.value >= 0x61 && c.value <= 0x7A else { return nil }
            key = key << 5 | UInt64(c.value - 0x60)
        }
        return key
    }

    static let may = pack(Array("may".unicodeScalars)[...])!

    /// True for an English month name or its abbreviation, in any case.
    static func isMonth(_ word: String) -> Bool {
        pack(Array(word.unicodeScalars)[...]).map { englishMonths[$0] != nil } ?? false
    }

    /// A 1,024-bit filter of the packed number, month and multiplier words: most words of a
    /// sentence are none of them and skip the table lookups.
    static let wordFilter: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 16)
        for key in Array(englishWords.keys) + Array(englishMonths.keys) + Array(englishMultipliers.keys) {
            let b = Int(key % 1021)
            bits[b >> 6] |= 1 << UInt64(b & 63)
        }
        return bits
    }()

    @inline(__always) static func mayBeNumberWord(_ key: UInt64) -> Bool {
        let b = Int(key % 1021)
        return wordFilter[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    /// The numbers and dates in `key`, in order of appearance (ASCII letters may be in
    /// either case).
    public static func numbers(in key: String) -> [NumberKey] {
        // ASCII text (most English sentences) maps byte for scalar, with no decoding.
        var utf8 = key
        let s: [Unicode.Scalar] =
            utf8.withUTF8 { b in b.allSatisfy { $0 < 0x80 } ? b.map { Unicode.Scalar($0) } : nil } ?? Array(key.unicodeScalars)
        var result: [NumberKey] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if isDigit(c) {
                var value = readArabic(s, &i)
                if let date = chineseDate(month: value, s, &i) ?? chineseDay(value, s, &i) {
                    result.append(date)
                    continue
                }
                if i < s.count, let m = chineseMultipliers[s[i]] {
                    value *= m
                    i += 1
                    if i < s.count, s[i] == "亿" { value *= 1e8; i += 1 }
                } else if let (word, next) = nextWord(s, from: i), let m = englishMultipliers[word], m >= 1e3 {
                    value *= m
                    i = next
                }
                // `2 July`
                if let (word, next) = nextWord(s, from: i), let month = englishMonths[word], value >= 1, value <= 31,
                    value == value.rounded()
                {
                    result.append(.date(month: month, day: Int(value)))
                    i = next
                    continue
                }
                result.append(.value(value))
            } else if ChineseNumerals.isNumeral(c) {
                let start = i
                while i < s.count && ChineseNumerals.isNumeral(s[i]) { i += 1 }
                let run = String(String.UnicodeScalarView(s[start..<i]))
                guard let value = ChineseNumerals.value(of: run) else { continue }
                if let date = chineseDate(month: value, s, &i) {
                    result.append(date)
                    continue
                }
                let lone = i - start == 1
                let unitFollows = i < s.count && chineseUnits.contains(s[i])
                let ordinal = start > 0 && s[start - 1] == "第"
                if !lone || unitFollows || ordinal {
                    // Lone big units (`万`) and words like `万一` are not numbers.
                    if !(run.unicodeScalars.first.map { ChineseNumerals.bigUnitValues[$0] != nil } ?? false) {
                        result.append(.value(value))
                    }
                }
            } else if isASCIILetter(c) {
                let start = i
                while i < s.count && isASCIILetter(s[i]) { i += 1 }
                // Month and number words are 3 to 9 letters long.
                guard i - start >= 3 && i - start <= 9 else { continue }
                guard let word = pack(s[start..<i]), mayBeNumberWord(word) else { continue }
                if let month = englishMonths[word] {
                    // `july 2` / `jul. 2` / `sept 8`
                    var j = i
                    if j < s.count && s[j] == "." { j += 1 }
                    if j < s.count && s[j] == " " { j += 1 }
                    if j < s.count && isDigit(s[j]) {
                        var k = j
                        let day = readArabic(s, &k)
                        if day >= 1 && day <= 31 && day == day.rounded() && (k == s.count || !isDigit(s[k])) {
                            result.append(.date(month: month, day: Int(day)))
                            i = k
                            continue
                        }
                    }
                    continue
                }
                if let value = englishWords[word], word != may {
                    if value >= 100, case .value(let previous)? = result.last, start >= 2 {
                        result[result.count - 1] = .value(previous * value)
                    } else {
                        result.append(.value(value))
                    }
                }
            } else {
                i += 1
            }
        }
        return result
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    @inline(__always) static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0x41 && c.value <= 0x5A)
    }

    /// Reads `2,000`, `1.5`, `32`; commas only when followed by exactly three digits.
    static func readArabic(_ s: [Unicode.Scalar], _ i: inout Int) -> Double {
        var value = 0.0
        while i < s.count {
            if isDigit(s[i]) {
                value = value * 10 + Double(s[i].value - 0x30)
                i += 1
            } else if s[i] == ",", i + 3 < s.count, isDigit(s[i + 1]), isDigit(s[i + 2]), isDigit(s[i + 3]),
                i + 4 == s.count || !isDigit(s[i + 4])
            {
                i += 1
            } else {
                break
            }
        }
        if i + 1 < s.count, s[i] == ".", isDigit(s[i + 1]) {
            i += 1
            var scale = 0.1
            while i < s.count && isDigit(s[i]) {
                value += Double(s[i].value - 0x30) * scale
                scale /= 10
                i += 1
            }
        }
        return value
    }

    /// After a month value: `月2日` / `月二日` / `月2号` makes a date.
    static func chineseDate(month: Double, _ s: [Unicode.Scalar], _ i: inout Int) -> NumberKey? {
        guard month >= 1, month <= 12, month == month.rounded(), i < s.count, s[i] == "月" else { return nil }
        var j = i + 1
        var day = 0.0
        if j < s.count && isDigit(s[j]) {
            day = readArabic(s, &j)
        } else {
            let start = j
            while j < s.count && ChineseNumerals.isNumeral(s[j]) { j += 1 }
            day = ChineseNumerals.value(of: String(String.UnicodeScalarView(s[start..<j]))) ?? 0
        }
        guard day >= 1, day <= 31, j < s.count, s[j] == "日" || s[j] == "号" else { return nil }
        i = j + 1
        return .date(month: Int(month), day: Int(day))
    }

    /// `31日` (no month before it): a day. Arabic digits only: news writes days so, and
    /// older prose's `一日` is `one day`.
    static func chineseDay(_ value: Double, _ s: [Unicode.Scalar], _ i: inout Int) -> NumberKey? {
        guard value >= 1, value <= 31, value == value.rounded(), i < s.count, s[i] == "日" else { return nil }
        i += 1
        return .day(Int(value))
    }

    /// The ASCII word (packed) after optional spaces/hyphens at `i`, and the index after it.
    static func nextWord(_ s: [Unicode.Scalar], from i: Int) -> (UInt64, Int)? {
        var j = i
        while j < s.count && (s[j] == " " || s[j] == "-") { j += 1 }
        let start = j
        while j < s.count && isASCIILetter(s[j]) { j += 1 }
        guard j > start, let word = pack(s[start..<j]) else { return nil }
        return (word, j)
    }
}
