/// Recognisers for the news-page pieces that are segments of their own: datelines,
/// bylines and photo credits (see the segment conventions in the README).
///
/// Hand-written scanners rather than regular expressions: they run on every paragraph and
/// must cost next to nothing on text that is none of these.
public enum NewsConventions {
    /// A dateline found at the start of a paragraph.
    public struct Dateline: Equatable, Sendable {
        /// The dateline segment: `新华社阿斯塔纳7月2日电`, `ASTANA, July 2 (Xinhua)`.
        public var dateline: String
        /// A reporter byline after it, such as `(记者 郑明达)`.
        public var byline: String?
        /// The rest of the paragraph (the lead), trimmed.
        public var rest: String
    }

    // MARK: Chinese

    /// `新华社阿斯塔纳7月2日电`, optionally followed by a `(记者 …)` byline; or an undated
    /// source line that opens a story the same way (see ``chineseSourceLine(_:)``).
    public static func chineseDateline(_ text: String) -> Dateline? {
        datedChineseDateline(text) ?? chineseSourceLine(text)
    }

    static func datedChineseDateline(_ text: String) -> Dateline? {
        // Cheap test first: `电`/`電` among the first 40 characters.
        let head = Array(text.utf8.prefix(120))
        guard head.containsRun([0xE7, 0x94, 0xB5]) || head.containsRun([0xE9, 0x9B, 0xBB]),  // 电 電
            (text.unicodeScalars.prefix(40).contains { $0 == "电" || $0 == "電" })
        else { return nil }
        let s = Array(text.unicodeScalars.prefix(80))
        var i = 0
        // Agency and place: Han characters (and the middle dot of foreign names).
        while i < s.count && i < 24 && (CharClass.isHan(s[i].value) || s[i] == "·") && !isChineseDigit(s[i]) {
            i += 1
        }
        guard i >= 2 else { return nil }
        let month = digits(s, &i)
        guard month > 0, i < s.count, s[i] == "月" else { return nil }
        i += 1
        let day = digits(s, &i)
        guard day > 0, i < s.count, s[i] == "日" else { return nil }
        i += 1
        guard i < s.count, s[i] == "电" || s[i] == "電" else { return nil }
        i += 1
        let datelineEnd = i
        skipSpaces(s, &i)
        var byline: String?
        if i < s.count, s[i] == "(" || s[i] == "（" {
            var j = i + 1
            while j < s.count && j - i < 40 && s[j] != ")" && s[j] != "）" { j += 1 }
            if j < s.count && (s[j] == ")" || s[j] == "）") {
                byline = String(String.UnicodeScalarView(s[i...j]))
                i = j + 1
                skipSpaces(s, &i)
            }
        }
        if i < s.count, s[i] == ":" || s[i] == "：" {
            i += 1
            skipSpaces(s, &i)
        }
        let dateline = String(String.UnicodeScalarView(s[0..<datelineEnd]))
        let rest = String(text.unicodeScalars.dropFirst(i))
        return Dateline(dateline: dateline, byline: byline, rest: rest)
    }

    /// An undated source line before a story's first sentence: `央视网消息（新闻联播）：`,
    /// `人民网消息：`, `【环球网报道 记者 李四】`, `本报讯（记者 王芳）`, `据新华社电`, `新华网讯`. It
    /// is kept out of the lead as a dateline is (it never pairs: it has no date).
    static func chineseSourceLine(_ text: String) -> Dateline? {
        // Cheap test first (this runs on every Chinese paragraph): `【` or `据` first, or
        // `消息`, `讯` or `报道` early.
        let head = Array(text.utf8.prefix(90))
        guard head.starts(with: [0xE3, 0x80, 0x90]) || head.starts(with: [0xE6, 0x8D, 0xAE])
            || head.containsRun([0xE6, 0xB6, 0x88, 0xE6, 0x81, 0xAF]) || head.containsRun([0xE8, 0xAE, 0xAF])
            || head.containsRun([0xE6, 0x8A, 0xA5, 0xE9, 0x81, 0x93])
        else { return nil }
        let s = Array(text.unicodeScalars.prefix(40))
        guard s.count >= 4 else { return nil }
        var end: Int?  // of the source line
        var next: Int?  // where the story starts
        var byline: Range<Int>?
        if let source = outletSource(s) {
            end = source
            var k = source
            if k < s.count && (s[k] == "（" || s[k] == "("), let close = s[k...].firstIndex(where: { $0 == "）" || $0 == ")" }),
                close - k <= 20, s[k..<close].containsRun(journalist)
            {
                byline = k..<(close + 1)
                k = close + 1
            }
            if k < s.count && (s[k] == "：" || s[k] == ":") { k += 1 }
            next = k
        } else if s[0] == "【" {
            // `【…报道 …】` or `【…记者 …】`, then the story.
            if let close = s.firstIndex(of: "】"), close >= 3 {
                let inner = String(String.UnicodeScalarView(s[1..<close]))
                if inner.contains("报道") || inner.contains("記者") || inner.contains("记者") || inner.contains("讯") {
                    end = close + 1
                    next = close + 1
                }
            }
        } else if let colon = s.firstIndex(where: { $0 == "：" || $0 == ":" }), colon >= 4, colon <= 30 {
            // `…消息：`, `…消息（…）：`, the source a news outlet (`…网`, `…台`, `…社`, `…报`,
            // `…新闻`): not `他告诉记者这个好消息：`.
            var k = colon
            if s[k - 1] == "）" || s[k - 1] == ")", let open = s[..<k].lastIndex(where: { $0 == "（" || $0 == "(" }) { k = open }
            if k >= 4 && k <= 9 && s[k - 2] == "消" && s[k - 1] == "息"
                && s[0..<(k - 2)].allSatisfy({ CharClass.isHan($0.value) }) && Self.outletFinals.contains(s[k - 3])
            {
                end = colon
                next = colon + 1
            }
        }
        guard let end, var i = next, i < text.unicodeScalars.count else { return nil }
        let all = Array(text.unicodeScalars)
        skipSpaces(all, &i)
        guard i < all.count else { return nil }
        return Dateline(
            dateline: String(String.UnicodeScalarView(all[0..<end])),
            byline: byline.map { String(String.UnicodeScalarView(all[$0])) },
            rest: String(String.UnicodeScalarView(all[i...])))
    }

    /// Where an outlet's own source mark ends: `本报讯`, `新华网讯`, `据新华社电`, `新华社报道`
    /// (the outlet two to six Han characters ending like an outlet's name, or `本报`).
    static func outletSource(_ s: [Unicode.Scalar]) -> Int? {
        let reported = s.first == "据"
        let start = reported ? 1 : 0
        for length in 2...6 where start + length < s.count {
            let name = s[start..<(start + length)]
            guard name.allSatisfy({ CharClass.isHan($0.value) }) else { return nil }
            guard outletFinals.contains(name.last!) || name.elementsEqual("本报".unicodeScalars) else { continue }
            let k = start + length
            if reported {
                if s[k] == "电" || s[k] == "電" { return k + 1 }
            } else if s[k] == "讯" || s[k] == "訊" {
                return k + 1
            } else if k + 1 < s.count && s[k] == "报" && s[k + 1] == "道" && k + 2 < s.count
                && ["：", ":", "（", "("].contains(s[k + 2])
            {
                return k + 2
            }
        }
        return nil
    }

    /// Personal names written one after another (`李明 王芳`, `李明、王芳`), as credits and
    /// reporter lines give them: each two to four Han characters (a foreign name's middle dot
    /// allowed), one to `maxCount` of them; nil for anything else.
    static func chineseNames(_ s: ArraySlice<Unicode.Scalar>, maxCount: Int) -> [ArraySlice<Unicode.Scalar>]? {
        let names = s.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "、" || $0 == "，" || $0 == "," })
        guard !names.isEmpty, names.count <= maxCount,
            names.allSatisfy({ $0.count >= 2 && $0.count <= 4 && $0.allSatisfy { CharClass.isHan($0.value) || $0 == "·" } })
        else { return nil }
        return names
    }

    /// Last characters of a news outlet's name (`央视网`, `电台`, `新华社`, `日报`, `澎湃新闻`).
    static let outletFinals: Set<Unicode.Scalar> = ["网", "網", "台", "社", "报", "報", "闻", "聞"]

    /// True when `text` (one segment) is a Chinese photo credit: `新华社记者 谢环驰 摄`,
    /// `(新华社记者张金加摄)`, `新华社发`, `新华社发(李明 摄)`, `图片来源：视觉中国`.
    public static func isChineseCredit(_ text: String) -> Bool {
        // Cheap test first: this runs on every Chinese sentence.
        guard text.utf8.count <= 160, var last = text.unicodeScalars.last else { return false }
        if isImageSource(text) || isProvidedPhoto(text) { return true }
        if last == ")" || last == "）" {
            guard let previous = text.unicodeScalars.dropLast().last else { return false }
            last = previous
        }
        guard creditFinals.contains(last) else { return false }
        // Scalars, not Characters: credits are Han, ASCII and full-width punctuation.
        var s = Array(simplifiedCreditWords(text).unicodeScalars)[...]
        if let first = s.first, first == "(" || first == "（", let last = s.last, last == ")" || last == "）" {
            s = s.dropFirst().dropLast()
        }
        let core = s.filter { $0 != " " }
        if core.count > 40 || core.isEmpty { return false }
        if core.contains(where: { creditStops.contains($0) }) { return false }
        for agencyOnly in agencyOnlyCredits where core.starts(with: agencyOnly) {
            let tail = core.dropFirst(agencyOnly.count)
            return tail.isEmpty || (tail.first == "(" || tail.first == "（") && (tail.last == ")" || tail.last == "）")
                && tail.dropLast().last == "摄"
        }
        guard core.last == "摄" else { return false }
        if otherShots.contains(where: { core.ends(with: $0) }) && !core.containsRun(journalist) {
            return false
        }
        let reporter = reporterWords.contains { core.containsRun($0) }
        let spaced = s.contains(" ")
        return reporter || spaced || core.count <= 6
    }

    /// A credit naming where the picture came from rather than who took it: `图片来源：视觉中国`,
    /// `(图源：新华社)`, `图/视觉中国`, `摄影：李明`.
    static func isImageSource(_ text: String) -> Bool {
        let utf8 = text.utf8
        // Cheap test first (this runs on every Chinese sentence): 图, 摄 or a bracket first.
        guard utf8.count <= 60, imageSourceStarts.contains(where: { utf8.starts(with: $0) }) else { return false }
        let s = unbracketedWithoutSpaces(text)
        guard let prefix = imageSourcePrefixes.first(where: { s.starts(with: $0) }) else { return false }
        let source = s.dropFirst(prefix.count)
        return source.count >= 2 && source.count <= 16 && !source.contains(where: creditStops.contains)
    }

    /// The scalars of `text` without spaces and without the brackets around it all.
    static func unbracketedWithoutSpaces(_ text: String) -> ArraySlice<Unicode.Scalar> {
        let s = Array(text.unicodeScalars).filter { $0 != " " && $0 != "\u{3000}" }[...]
        guard let open = s.first, open == "(" || open == "（", let close = s.last, close == ")" || close == "）" else { return s }
        return s.dropFirst().dropLast()
    }

    /// A credit that names no photographer: `（受访者供图）`, `图片由主办方提供`, `（资料图片）`,
    /// `（视觉中国）`.
    static func isProvidedPhoto(_ text: String) -> Bool {
        // Cheap test first (this runs on every Chinese sentence): how such credits end.
        guard text.utf8.count <= 72, var last = text.unicodeScalars.last else { return false }
        if last == ")" || last == "）", let previous = text.unicodeScalars.dropLast().last { last = previous }
        guard providedPhotoFinals.contains(last) else { return false }
        let s = unbracketedWithoutSpaces(text)
        guard s.count >= 2, s.count <= 20, !s.contains(where: creditStops.contains) else { return false }
        if photoMarks.contains(where: { s.elementsEqual($0) }) { return true }
        if s.count <= 12 && s.ends(with: providedPicture) { return true }  // `受访者供图`
        return (s.starts(with: pictureBy) || s.starts(with: photoBy)) && s.ends(with: provided)  // `图片由…提供`
    }

    static let providedPhotoFinals: Set<Unicode.Scalar> = ["图", "片", "国", "供", "C"]
    static let photoMarks = scalars(["资料图片", "资料图", "资料照片", "视觉中国", "东方IC"])
    static let providedPicture = Array("供图".unicodeScalars)
    static let pictureBy = Array("图片由".unicodeScalars)
    static let photoBy = Array("照片由".unicodeScalars)
    static let provided = Array("提供".unicodeScalars)

    static let imageSourceStarts = ["图", "摄", "(", "（"].map { Array($0.utf8) }
    static let imageSourcePrefixes = scalars([
        "图片来源：", "图片来源:", "图源：", "图源:", "图片：", "图片:", "图/", "图：", "图:", "摄影：", "摄影:", "摄影/",
    ])

    private static func scalars(_ words: [String]) -> [[Unicode.Scalar]] { words.map { Array($0.unicodeScalars) } }
    /// Punctuation no credit holds.
    static let creditStops = Set("。！？!?，,；;".unicodeScalars)
    /// Credits naming only the agency (`新华社发`), perhaps with a photographer in brackets.
    static let agencyOnlyCredits = scalars(["新华社发", "新华社供图", "新华社传真", "中新社发", "新华社发布"])
    /// Endings that say "photographed" but not by a credited photographer (`航摄`).
    static let otherShots = scalars(["拍摄", "航摄", "所摄", "摄摄"])
    /// Words that mark a credit's photographer.
    static let reporterWords = scalars(["记者", "通讯员", "摄影", "新华社", "中新社", "供图"])
    static let journalist = Array("记者".unicodeScalars)

    /// True for a bracketed name of two to four Han characters, `(王慧慧)`: the signature
    /// of a reporter or editor that Chinese agency stories end with.
    public static func isBracketedName(_ text: String) -> Bool {
        // Cheap test first (this runs on every Chinese sentence): at most 18 bytes, bracketed.
        let utf8 = text.utf8
        guard utf8.count >= 6, utf8.count <= 18, let last = utf8.last, last == 0x29 || last == 0x89 else { return false }  // ) or the end of ）
        let s = Array(text.unicodeScalars)
        guard s.count >= 4, s.count <= 6, let first = s.first, let last = s.last,
            first == "(" && last == ")" || first == "（" && last == "）"
        else { return false }
        return s.dropFirst().dropLast().allSatisfy { CharClass.isHan($0.value) }
    }

    /// The characters a Chinese credit ends with (`摄`, `新华社发`, `供图`, `传真`).
    static let creditFinals: Set<Unicode.Scalar> = ["摄", "攝", "发", "發", "图", "圖", "真"]

    // MARK: English

    private static let months: [String: Int] = [
        "Jan": 1, "January": 1, "Feb": 2, "February": 2, "Mar": 3, "March": 3, "Apr": 4, "April": 4,
        "May": 5, "Jun": 6, "June": 6, "Jul": 7, "July": 7, "Aug": 8, "August": 8, "Sep": 9, "Sept": 9,
        "September": 9, "Oct": 10, "October": 10, "Nov": 11, "November": 11, "Dec": 12, "December": 12,
    ]

    /// Month number for an English month name or abbreviation (`Jan`, `Sept`, `July`).
    public static func monthNumber(_ word: Substring) -> Int? { months[String(word)] }

    /// `ASTANA, July 2 (Xinhua) --`, `BEIJING, Nov. 8 --`, `BEIJING --`: the dateline
    /// segment is everything before the dash.
    public static func englishDateline(_ text: String) -> Dateline? {
        // Cheap test first: a dateline starts with two capitals (`ASTANA`, `XI'AN`).
        var bytes = text.utf8.makeIterator()
        guard let b0 = bytes.next(), let b1 = bytes.next(), b0 >= 0x41 && b0 <= 0x5A, b1 >= 0x41 && b1 <= 0x5A
        else { return nil }
        let s = Array(text.unicodeScalars.prefix(120))
        var i = 0
        var letters = 0
        var cityEnd = 0
        // City: capitals, spaces, dots, apostrophes and hyphens (`UNITED NATIONS`, `XI'AN`).
        while i < s.count {
            let v = s[i].value
            if v >= 0x41 && v <= 0x5A {
                letters += 1
                cityEnd = i + 1
            } else if !(v == 0x20 || v == 0x2E || v == 0x27 || v == 0x2019 || v == 0x2D && !(i + 1 < s.count && s[i + 1] == "-")) {
                break
            }
            i += 1
        }
        guard letters >= 2 else { return nil }
        i = cityEnd
        if i < s.count && s[i] == "." { i += 1 }  // `D.C.`
        var end = i
        var hasDate = false
        var hasSource = false
        // `, July 2` or `, Nov. 8`
        var j = i
        if j + 1 < s.count && s[j] == "," && s[j + 1] == " " {
            j += 2
            let wordStart = j
            while j < s.count && (s[j].properties.isAlphabetic) { j += 1 }
            let word = String(String.UnicodeScalarView(s[wordStart..<j]))
            if months[word] != nil {
                if j < s.count && s[j] == "." { j += 1 }
                if j < s.count && s[j] == " " {
                    j += 1
                    var k = j
                    while k < s.count && k - j < 2 && s[k].value >= 0x30 && s[k].value <= 0x39 { k += 1 }
                    if k > j && (k == s.count || !(s[k].value >= 0x30 && s[k].value <= 0x39)) {
                        hasDate = true
                        end = k
                    }
                }
            }
        }
        // ` (Xinhua)`
        j = end
        skipSpaces(s, &j)
        if j < s.count && s[j] == "(" {
            var k = j + 1
            while k < s.count && k - j < 40 && s[k] != ")" && s[k] != "(" { k += 1 }
            if k < s.count && s[k] == ")" && k > j + 1 {
                hasSource = true
                end = k + 1
            }
        }
        // The dash that ends a dateline.
        j = end
        skipSpaces(s, &j)
        var dashed = false
        if j + 1 < s.count && s[j] == "-" && s[j + 1] == "-" {
            j += 2
            dashed = true
        } else if j < s.count && (s[j] == "—" || s[j] == "–") {
            j += 1
            dashed = true
        } else if j < s.count && s[j] == "-" && j > end && j + 1 < s.count && s[j + 1] == " " {
            j += 1
            dashed = true
        }
        guard dashed || (hasDate && hasSource) else { return nil }
        if dashed && !hasDate && !hasSource && j - end > 3 { return nil }
        skipSpaces(s, &j)
        let dateline = String(String.UnicodeScalarView(s[0..<end]))
        let rest = String(text.unicodeScalars.dropFirst(j))
        return Dateline(dateline: dateline, byline: nil, rest: rest)
    }

    /// If `text` ends with an English photo credit in brackets — `(Xinhua/Xie Huanchi)`,
    /// `[Photo by Wang Jiangbo/For China Daily]`, `(Photo: Li Ming)` — the index where that
    /// credit starts.
    public static func englishCreditStart(_ text: String) -> String.Index? {
        // On the UTF-8 view: brackets, `/` and the markers are ASCII.
        let utf8 = text.utf8
        guard let last = utf8.last, last == 0x29 || last == 0x5D else { return nil }  // ) ]
        let open: UInt8 = last == 0x29 ? 0x28 : 0x5B
        guard let start = utf8.lastIndex(of: open) else { return nil }
        let inner = text[text.index(after: start)..<text.index(before: text.endIndex)]
        guard !inner.isEmpty, inner.unicodeScalars.count <= 80, let first = inner.first, first.isUppercase else { return nil }
        let head = inner.utf8.prefix(10).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if head.starts(with: "photo".utf8) || head.starts(with: "file photo".utf8) { return start }
        let bytes = Array(inner.utf8)
        if bytes.contains(0x2F) && !bytes.containsRun(Array("http".utf8)) { return start }
        return nil
    }

    /// A credit written as a sentence of its own, without brackets: `Photo: Xinhua`,
    /// `Photo: Li Hao/GT`, `Photo by Wang Jing`, `File photo: VCG`.
    public static func isEnglishPhotoLine(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 60 else { return false }
        let lower = text.lowercased()
        guard text.last != "." || lower.hasSuffix("co.") else { return false }  // `… Co.` ends a company's name
        guard let prefix = ["photo: ", "photos: ", "photo by ", "photos by ", "file photo: ", "photo/"].first(where: lower.hasPrefix)
        else { return false }
        let rest = text.dropFirst(prefix.count).trimmingCharacters(in: " ")
        let words = rest.split(whereSeparator: { $0 == " " || $0 == "/" })
        return !words.isEmpty && words.count <= 8 && words.allSatisfy { $0.first?.isUppercase == true || $0.first?.isNumber == true }
    }

    /// If `text` starts with an English photo credit in brackets followed by more text (a
    /// caption run into the story: `[Photo by Li Ming/For China Daily] China's probe…`),
    /// the index just after the credit.
    public static func englishCreditPrefixEnd(_ text: String) -> String.Index? {
        guard let first = text.first, first == "(" || first == "[" else { return nil }
        let close: Character = first == "(" ? ")" : "]"
        guard let end = text.firstIndex(of: close) else { return nil }
        let after = text.index(after: end)
        guard after < text.endIndex, englishCreditStart(String(text[..<after])) != nil else { return nil }
        return after
    }

    // MARK: Helpers

    /// Maps the Traditional forms of the few characters credits are recognised by.
    static func simplifiedCreditWords(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { traditionalCreditScalars[$0] != nil }) else { return text }
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars { out.append(traditionalCreditScalars[c] ?? c) }
        return String(out)
    }

    static let traditionalCreditScalars: [Unicode.Scalar: Unicode.Scalar] = [
        "攝": "摄", "記": "记", "華": "华", "訊": "讯", "員": "员", "發": "发", "傳": "传", "圖": "图", "聞": "闻",
    ]

    static func skipSpaces(_ s: [Unicode.Scalar], _ i: inout Int) {
        while i < s.count && CharClass.isSpace(s[i].value) { i += 1 }
    }

    static func isChineseDigit(_ c: Unicode.Scalar) -> Bool {
        "〇零一二三四五六七八九十".unicodeScalars.contains(c)
    }

    /// Reads a one- or two-place number in Arabic, full-width or Chinese digits; 0 if none.
    static func digits(_ s: [Unicode.Scalar], _ i: inout Int) -> Int {
        let start = i
        var text = ""
        while i < s.count && i - start < 3 {
            let v = s[i].value
            if v >= 0x30 && v <= 0x39 {
                text.unicodeScalars.append(s[i])
            } else if v >= 0xFF10 && v <= 0xFF19 {
                text.unicodeScalars.append(Unicode.Scalar(v - 0xFF10 + 0x30)!)
            } else if isChineseDigit(s[i]) {
                text.unicodeScalars.append(s[i])
            } else {
                break
            }
            i += 1
        }
        if text.isEmpty { return 0 }
        if let n = Int(text) { return n }
        return ChineseNumerals.value(of: text).map { Int($0) } ?? 0
    }
}
