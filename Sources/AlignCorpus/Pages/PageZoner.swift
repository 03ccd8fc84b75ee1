#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A paragraph of a page with its segments (zones filled in by ``PageZoner``).
public struct ZonedParagraph: Sendable {
    /// The paragraph.
    public var paragraph: Paragraph
    /// Its segments, each with its zone.
    public var segments: [Segment]

    /// Creates a zoned paragraph.
    public init(paragraph: Paragraph, segments: [Segment]) {
        self.paragraph = paragraph
        self.segments = segments
    }
}

/// Gives every segment of a bilingual news page its zone: boilerplate, title, caption,
/// credit, dateline, byline, lead or body. Works paragraph by paragraph with one paragraph
/// of look-ahead (a credit on a line of its own makes the paragraph before it a caption),
/// so it can zone a stream. Each run of paragraphs in one language is a part of its own
/// (a page may carry an English pull quote, the Chinese article, then the English one).
public final class PageZoner {
    // One thread's state, never accessed re-entrantly: no dynamic exclusivity checks (see
    // FeatureExtractor).
    @exclusivity(unchecked) private var pending: ZonedParagraph?
    @exclusivity(unchecked) private var pendingIsLead = false
    @exclusivity(unchecked) private var language: Language?
    @exclusivity(unchecked) private var seenStory = false
    @exclusivity(unchecked) private var leadAssigned = false
    @exclusivity(unchecked) private var titles = Set<ByteKey>()
    @exclusivity(unchecked) private var captions = Set<ByteKey>()

    /// Creates a zoner for one page.
    public init() {}

    /// Adds the next paragraph; returns the paragraphs whose zones are now final.
    public func add(_ paragraph: Paragraph, segments: [Segment]) -> [ZonedParagraph] {
        var output: [ZonedParagraph] = []
        if paragraph.language != language {
            if let p = pending { output.append(p) }
            pending = nil
            language = paragraph.language
            seenStory = false
            leadAssigned = false
            titles = []
            captions = []
        }
        var current = ZonedParagraph(paragraph: paragraph, segments: segments)
        let texts = segments.map(\.text)
        let creditOnly = !segments.isEmpty && segments.allSatisfy { $0.zone == .credit }
        if creditOnly {
            // A credit on its own line: the paragraph before it was a caption.
            if var previous = pending, previous.segments.allSatisfy({ $0.zone != .title && $0.zone != .boilerplate }) {
                if pendingIsLead { leadAssigned = false }
                for k in previous.segments.indices where previous.segments[k].zone != .credit {
                    previous.segments[k].zone = .caption
                }
                captions.insert(ByteKey(previous.paragraph.text))
                pending = previous
            }
            pendingIsLead = false
        } else if segments.isEmpty || Self.isBoilerplate(paragraph.text, language: paragraph.language) {
            current.setZones(.boilerplate)
        } else if titles.contains(ByteKey(paragraph.text)) || (!seenStory && titles.isEmpty && Self.looksLikeHeadline(texts, paragraph.language)) {
            titles.insert(ByteKey(paragraph.text))
            current.setZones(.title)
        } else if captions.contains(ByteKey(paragraph.text)) {
            current.setZones(.caption, keeping: [.credit])
        } else if segments.count <= 3, segments.allSatisfy({ $0.zone == nil }), Self.speaksOfAPhoto(texts[0], paragraph.language) {
            // A caption without a credit, known by what it says (`图为…`, `Photo taken on …`).
            current.setZones(.caption)
            captions.insert(ByteKey(paragraph.text))
            pendingIsLead = false
        } else if let creditIndex = segments.firstIndex(where: { $0.zone == .credit }) {
            // A caption ends with (or, run into the story, is followed by) its credit.
            for k in current.segments.indices where current.segments[k].zone != .credit {
                current.segments[k].zone = k < creditIndex ? .caption : .body
            }
            captions.insert(ByteKey(paragraph.text))
            pendingIsLead = false
        } else {
            seenStory = true
            var isLead = false
            // A short line that does not end like a sentence (a subtitle, a row of controls
            // no rule knows) does not take the lead from the story's first sentence, which
            // follows it or the dateline.
            let content = segments.lazy.filter { $0.zone == nil }
            let fragment =
                !segments.contains(where: { $0.zone == .dateline }) && content.count == 1
                && !Self.endsLikeSentence(content.first!.text.utf8) && content.first!.text.unicodeScalars.count <= 60
            for k in current.segments.indices where current.segments[k].zone != .dateline && current.segments[k].zone != .byline {
                if !leadAssigned && !fragment {
                    current.segments[k].zone = .lead
                    leadAssigned = true
                    isLead = true
                } else {
                    current.segments[k].zone = .body
                }
            }
            if let p = pending { output.append(p) }
            pending = current
            pendingIsLead = isLead
            return output
        }
        if let p = pending { output.append(p) }
        pending = current
        if !creditOnly { pendingIsLead = false }
        return output
    }

    /// The paragraphs still held back.
    public func finish() -> [ZonedParagraph] {
        defer { pending = nil }
        return pending.map { [$0] } ?? []
    }

    /// Zones a whole page.
    public static func zone(_ paragraphs: [(Paragraph, [Segment])]) -> [ZonedParagraph] {
        let zoner = PageZoner()
        var result: [ZonedParagraph] = []
        for (p, s) in paragraphs { result += zoner.add(p, segments: s) }
        return result + zoner.finish()
    }

    // MARK: Recognisers

    static let chineseMetadata = [
        "来源", "作者", "编辑", "责编", "发布", "时间", "日期", "撰写", "记者", "通讯员", "字号", "浏览", "分享到", "原标题", "关键词",
        "关键字", "标签",
    ]
    static let englishMetadata = [
        "updated", "source", "editor", "published", "posted", "by", "web editor", "author", "tags", "keywords",
    ]
    /// `来源:`, `来源：`, `来源 :` … as bytes.
    static let chineseMetadataNeedles: [[UInt8]] = chineseMetadata.flatMap { key in
        [":", "：", " :"].map { Array((key + $0).utf8) }
    }
    /// `updated:`, `updated :` … as bytes.
    static let englishMetadataPrefixes: [[UInt8]] = englishMetadata.flatMap { key in
        [":", " :"].map { Array((key + $0).utf8) }
    }
    static let englishMetadataPrefixLength = englishMetadataPrefixes.map(\.count).max() ?? 0

    /// Page furniture: breadcrumbs (`首页 > 头条`, `Home / China`), metadata lines
    /// (`发布时间:… | 来源:…`, `Updated: …`), editor lines, bare dates and times, a bare
    /// `(Xinhua)` source line.
    static func isBoilerplate(_ text: String, language: Language) -> Bool {
        if text.utf8.count > 400 { return false }  // furniture is short; story paragraphs are not
        // Byte-level tests throughout: this runs on every paragraph of every page.
        var all = text
        let bytes: [UInt8] = all.withUTF8 { u in
            var a = 0
            var b = u.count
            while a < b && u[a] == 0x20 { a += 1 }
            while b > a && u[b - 1] == 0x20 { b -= 1 }
            return Array(u[a..<b])
        }
        guard !bytes.isEmpty else { return true }
        func has(_ needle: [UInt8]) -> Bool { bytes.containsRun(needle) }
        let length = bytes.reduce(0) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
        let endsSentence = endsLikeSentence(bytes)
        // The tests for page furniture that does not end like a sentence, cheapest first.
        if !endsSentence && length <= 120 {
            if length <= 80 && breadcrumbMarks.contains(where: has) { return true }
            let info = TextScan.paragraph(bytes)
            let digits = bytes.reduce(0) { $1 >= 0x30 && $1 <= 0x39 ? $0 + 1 : $0 }
            let letters = Int(info.han + info.latin)
            if length <= 60 && digits * 2 >= letters { return true }
            if containsClockTime(bytes) && (letters < 40 || has(Self.bar)) { return true }
        }
        // ASCII case folding is enough: every marker below is ASCII or Chinese.
        func lowered(_ b: ArraySlice<UInt8>) -> [UInt8] { b.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
        if bytes.count <= 15 && sourceLines.contains(lowered(bytes[...])) { return true }  // the longest is 15 bytes
        if length <= 24 && isControl(lowered(bytes[...])) { return true }
        if length <= 48 && !endsSentence && isControlRow(lowered(bytes[...])) { return true }
        if language == .zh {
            let wrapped = bytes[0] == 0x28 || bytes[0] == 0x5B || bytes.starts(with: "（".utf8) || bytes.starts(with: "【".utf8)
            if wrapped && editorMarks.contains(where: has) && length <= 60 { return true }
            if !endsSentence && length <= 30 && reporterMarks.contains(where: has) && isReporterLine(text) { return true }
            // Every metadata marker ends in a colon (`:`, or `：` whose bytes end in 9A).
            if length <= 120 && (bytes.contains(0x3A) || bytes.contains(0x9A)) && !has(Self.fullStop)
                && chineseMetadataNeedles.contains(where: has)
            {
                return true
            }
        } else {
            if length <= 80 && !endsSentence && has(Self.slash) { return true }
            if length <= 60 && !endsSentence && isBreadcrumb(bytes) { return true }
            var lower = lowered(length <= 100 ? bytes[...] : bytes.prefix(Self.englishMetadataPrefixLength + 1))
            // `(Web editor: …)`, `[Editor: …]`
            if lower.first == 0x28 || lower.first == 0x5B { lower.removeFirst() }
            if englishMetadataPrefixes.contains(where: { lower.starts(with: $0) }) { return true }
            if length <= 100 && lower.containsRun(Self.updated) { return true }
            if length <= 120 && !endsSentence && isEnglishByline(text) { return true }
        }
        return false
    }

    /// True when the text (UTF-8), trailing spaces aside, ends with a sentence-final
    /// character.
    static func endsLikeSentence<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        let trimmed = bytes.reversed().drop { $0 == 0x20 }
        return sentenceEnds.contains { trimmed.starts(with: $0.reversed()) }
    }

    /// Sentence-final characters, as bytes.
    static let sentenceEnds: [[UInt8]] = "。！？.!?”\"".unicodeScalars.map { Array(String($0).utf8) }
    /// Breadcrumb separators.
    static let breadcrumbMarks: [[UInt8]] = [">", "›", "»"].map { Array($0.utf8) }
    /// A bare source or end line, case-folded.
    static let sourceLines: Set<[UInt8]> = Set(["(xinhua)", "（新华社）", "(新华社)", "(完)", "（完）"].map { Array($0.utf8) })
    /// Editor lines (`(编辑 李明)`).
    static let editorMarks: [[UInt8]] = ["编辑", "责编"].map { Array($0.utf8) }
    /// The labels of a page's buttons and boxes, case-folded: `Share`, `Print`, `Related
    /// news`, `【打印】`, `相关新闻:`.
    static let controlLabels: Set<[UInt8]> = Set(
        [
            "share", "share this", "print", "email", "e-mail", "comment", "comments", "close", "related", "related news",
            "related stories", "related articles", "editor's pick", "editor's picks", "top news", "most read",
            "most popular", "photo gallery", "font size", "text size", "read more", "follow us", "a a a", "a+ a-", "mail",
            "large", "medium", "small",
            "打印", "关闭", "收藏", "纠错", "推荐", "分享", "评论", "相关新闻", "相关阅读", "相关报道", "扫一扫",
            "返回顶部", "字号", "大 中 小", "打印本页", "关闭窗口",
        ].map { Array($0.utf8) })

    /// A line that is only a control's label, perhaps bracketed or followed by a colon.
    static func isControl(_ lowered: [UInt8]) -> Bool {
        var b = lowered[...]
        for (open, close) in [("[", "]"), ("【", "】"), ("(", ")"), ("（", "）")].map({ (Array($0.0.utf8), Array($0.1.utf8)) })
        where b.starts(with: open) && b.ends(with: close) {
            b = b.dropFirst(open.count).dropLast(close.count)
        }
        for colon in [Array(":".utf8), Array("：".utf8)] where b.ends(with: colon) { b = b.dropLast(colon.count) }
        while b.first == 0x20 { b = b.dropFirst() }
        while b.last == 0x20 { b = b.dropLast() }
        return controlLabels.contains(Array(b)) || isFontSizeControl(b)
    }

    /// A row of controls: `【字体：大 中 小】【打印】【关闭】`, `Share Print Email`, `字号 打印 | 关闭`.
    static func isControlRow(_ lowered: [UInt8]) -> Bool {
        // Cheap test first (titles and datelines come here too): the first word must begin
        // some control's label.
        func separator(_ i: Int) -> Int? {
            switch lowered[i] {
            case 0x20, 0x7C, 0x28, 0x29, 0x5B, 0x5D: return 1
            case 0xE3 where i + 2 < lowered.count && lowered[i + 1] == 0x80 && (lowered[i + 2] == 0x90 || lowered[i + 2] == 0x91):
                return 3  // 【 】
            case 0xEF where i + 2 < lowered.count && lowered[i + 1] == 0xBC && (lowered[i + 2] == 0x88 || lowered[i + 2] == 0x89):
                return 3  // （ ）
            default: return nil
            }
        }
        var i = 0
        while i < lowered.count, let n = separator(i) { i += n }
        var j = i
        while j < lowered.count && separator(j) == nil { j += 1 }
        let first = lowered[i..<j]
        guard controlFirstWords.contains(first) || first.containsRun(fontSize) || first.containsRun(typeface) else {
            return false
        }
        let brackets = Set("【】[]（）()|".unicodeScalars)
        let parts = String(decoding: lowered, as: UTF8.self).unicodeScalars
            .split(whereSeparator: { brackets.contains($0) })
            .map { Array(String(String.UnicodeScalarView($0)).utf8) }
            .filter { !$0.allSatisfy { $0 == 0x20 } }
        guard parts.count >= 1 else { return false }
        return parts.allSatisfy { part in
            isControl(part) || part.split(separator: 0x20).allSatisfy { isControl(Array($0)) }
        }
    }

    /// A font-size control, in its many spellings: `小字号`, `字体：大 中 小`, `默认字号 | 大字号`.
    static func isFontSizeControl(_ b: ArraySlice<UInt8>) -> Bool {
        guard b.containsRun(fontSize) || b.containsRun(typeface) else { return false }
        var rest = String(decoding: b, as: UTF8.self)
        for word in ["字号", "字体"] { rest = rest.split(separator: word, omittingEmptySubsequences: false).joined() }
        return rest.unicodeScalars.allSatisfy { "大中小默认标准特超加减 +-－|/:：".unicodeScalars.contains($0) }
    }

    /// The first word of every control label (`share` of `share this`).
    static let controlFirstWords: Set<ArraySlice<UInt8>> = Set(controlLabels.map { $0.split(separator: 0x20).first ?? [] })

    static let fontSize = Array("字号".utf8)
    static let typeface = Array("字体".utf8)

    /// What names a reporter (`本报记者 张三`).
    static let reporterWords = ["记者", "記者", "通讯员"]
    static let reporterMarks: [[UInt8]] = reporterWords.map { Array($0.utf8) }
    static let reporterScalars: [[Unicode.Scalar]] = reporterWords.map { Array($0.unicodeScalars) }

    /// A reporter line of its own: `本报记者 张三`, `记者 李四 王五`, `新华社记者 李明、王芳` —
    /// a short outlet (or nothing), 记者 or 通讯员, then names only (so not a photo credit,
    /// which ends in 摄, nor a headline such as `外交部长答中外记者问`).
    static func isReporterLine(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        var markerEnd: Int?
        for marker in reporterScalars where s.count >= marker.count {
            for k in stride(from: s.count - marker.count, through: 0, by: -1) where s[k..<(k + marker.count)].elementsEqual(marker) {
                guard k <= 6, s[..<k].allSatisfy({ CharClass.isHan($0.value) }) else { return false }
                markerEnd = max(markerEnd ?? 0, k + marker.count)
                break
            }
        }
        guard let start = markerEnd else { return false }
        return NewsConventions.chineseNames(s[start...], maxCount: 4) != nil
    }

    /// An English byline of its own: `by Xinhua writer Li Guoli`, `By ZHAO YIMENG in Paris`,
    /// `By Wang Fang and Li Ming, People's Daily`: `by`, then names and the words that
    /// describe a reporter.
    static func isEnglishByline(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count > 3, utf8.first! | 0x20 == 0x62, utf8.dropFirst().first! | 0x20 == 0x79, utf8.dropFirst(2).first == 0x20 else {
            return false  // `by `
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        guard words.count >= 2, words.count <= 16, words[0].lowercased() == "by" else { return false }
        return words.dropFirst().allSatisfy { word in
            word.first?.isUppercase == true || bylineWords.contains(word.lowercased())
        } && words[1].lowercased() != "the"
    }

    static let bylineWords: Set<String> = [
        "xinhua", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "staff", "and", "in",
        "at", "from", "for", "of", "the", "|",
    ]

    static let bar = Array("|".utf8)
    static let fullStop = Array("。".utf8)
    static let slash = Array(" / ".utf8)
    static let updated = Array("updated:".utf8)

    /// `Home | World`, `News | China | Society`: two or more short parts (three words at most)
    /// between bars.
    static func isBreadcrumb(_ b: [UInt8]) -> Bool {
        let parts = b.split(separator: 0x7C)  // |
        return parts.count >= 2
            && parts.allSatisfy { part in
                let words = part.split(separator: 0x20)
                return !words.isEmpty && words.count <= 3
            }
    }

    /// True when the text holds a time of day such as `08:58`.
    static func containsClockTime(_ b: [UInt8]) -> Bool {
        guard b.count >= 4 else { return false }
        func digit(_ i: Int) -> Bool { i >= 0 && i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        for i in 1..<(b.count - 2) where b[i] == 0x3A && digit(i - 1) && digit(i + 1) && digit(i + 2) { return true }
        return false
    }

    /// A sentence that describes a photo: `图为活动现场。`, `这是3月11日在利马拍摄的签字仪式。`,
    /// `Photo taken on May 6, 2024 shows …`, `Aerial photo taken on …`.
    static func speaksOfAPhoto(_ text: String, _ language: Language) -> Bool {
        let utf8 = text.utf8
        if language == .zh {
            if chinesePhotoOpenings.contains(where: { utf8.starts(with: $0) }) { return true }
            return utf8.starts(with: thisIs) && Array(utf8.prefix(120)).containsRun(photographedOf)
        }
        // Every opening starts with a, f, i, p, t or u: most paragraphs stop at the first byte.
        guard let first = utf8.first, englishPhotoInitials.contains(first | 0x20) else { return false }
        let head = utf8.prefix(24).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return englishPhotoOpenings.contains { head.starts(with: $0) }
    }

    static let chinesePhotoOpenings = ["图为", "图：", "图:", "上图", "下图", "左图", "右图", "图片为"].map { Array($0.utf8) }
    static let thisIs = Array("这是".utf8)
    static let photographedOf = Array("拍摄的".utf8)
    static let englishPhotoInitials = Set(englishPhotoOpenings.compactMap(\.first))
    static let englishPhotoOpenings = [
        "photo taken on", "photo shows", "photos taken on", "photos show", "aerial photo taken", "this photo taken",
        "this aerial photo", "this photo shows", "the photo shows", "a photo taken", "undated photo", "file photo",
        "picture shows", "in this photo",
    ].map { Array($0.utf8) }

    /// A headline: one segment, short, not ending like a sentence.
    static func looksLikeHeadline(_ texts: [String], _ language: Language) -> Bool {
        guard texts.count == 1, let text = texts.first, let last = text.unicodeScalars.last else { return false }
        if "。.!！;；,，:：".unicodeScalars.contains(last) { return false }
        if language == .zh { return text.unicodeScalars.count <= 60 }
        return text.split(separator: " ").count <= 25
    }
}

extension ZonedParagraph {
    mutating func setZones(_ zone: Zone, keeping kept: Set<Zone> = []) {
        for k in segments.indices where !(segments[k].zone.map(kept.contains) ?? false) { segments[k].zone = zone }
    }
}
