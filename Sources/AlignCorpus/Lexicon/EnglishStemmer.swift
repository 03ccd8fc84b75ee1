/// A light English stemmer shared by the lexicon's glosses and the English text, so that
/// `said`, `says` and `say` meet, as do `countries` and `country`. Irregular forms come
/// from a table; regular inflections lose their suffixes. It only has to map the forms of
/// a word to the same key, not to produce real words.
public enum EnglishStemmer {
    /// Function words left out of matching on the English side and in glosses.
    public static let stopWords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and", "or", "as", "be",
        "is", "are", "was", "were", "been", "being", "am", "it", "its", "that", "this", "these", "those", "which",
        "who", "whom", "whose", "what", "there", "their", "than", "then", "so", "such", "sth", "sb", "etc",
        "one's", "oneself", "something", "somebody", "someone", "used", "also", "into", "onto", "up", "out",
        "about", "over", "do", "does", "did", "has", "have", "had", "will", "would", "shall", "should", "can",
        "could", "may", "might", "must", "s", "lit", "fig", "esp", "usu", "e.g", "i.e", "abbr", "variant",
        "classifier", "particle", "form", "bound", "sb's", "sth's", "if", "but", "because", "while",
    ]

    /// Acronyms of news English and the words they stand for (upper case as written,
    /// dots removed: `U.S.` is `US`).
    public static let acronyms: [String: [String]] = [
        "US": ["united", "states"], "USA": ["united", "states"], "UK": ["united", "kingdom"], "UN": ["united", "nations"],
        "EU": ["european", "union"], "NPC": ["national", "people's", "congress"], "CPC": ["communist", "party"],
        "CPPCC": ["political", "consultative", "conference"], "PRC": ["people's", "republic", "china"],
        "SCO": ["shanghai", "cooperation", "organization"], "WTO": ["world", "trade", "organization"],
        "WHO": ["world", "health", "organization"], "IMF": ["international", "monetary", "fund"],
        "GDP": ["gdp", "gross", "domestic", "product"], "NATO": ["north", "atlantic", "treaty"],
        "ASEAN": ["southeast", "asian", "nations"], "APEC": ["asia", "pacific", "economic", "cooperation"],
        "BRICS": ["brics"], "UNESCO": ["unesco", "educational", "scientific", "cultural"],
        "CNSA": ["national", "space", "administration"], "PLA": ["people's", "liberation", "army"],
        "FM": ["foreign", "minister"], "AI": ["artificial", "intelligence"],
    ]

    /// The one token an acronym gives in English text (`US`, `USA` → `@unitstat`), so that
    /// only a word glossed with the acronym or its whole expansion covers it: `state`
    /// (国家) alone is no `U.S.`, nor is `united` (联合国, the United Nations).
    public static func acronymToken(_ acronym: String) -> String? {
        acronyms[acronym].map(expansionToken)
    }

    /// The acronym token of a gloss whose stems are exactly an acronym's expansion
    /// (`United States` → `@unitstat`).
    public static func acronymToken(expansionStems stems: [String]) -> String? {
        tokenByExpansion[stems.joined(separator: " ")]
    }

    static func expansionStems(_ expansion: [String]) -> [String] { expansion.map { stem($0.trimmingApostrophes) } }
    static func expansionToken(_ expansion: [String]) -> String { "@" + expansionStems(expansion).joined() }
    static let tokenByExpansion: [String: String] = Dictionary(
        acronyms.values.map { (expansionStems($0).joined(separator: " "), expansionToken($0)) }, uniquingKeysWith: { a, _ in a })

    static let irregular: [String: String] = [
        "said": "say", "says": "say", "went": "go", "gone": "go", "goes": "go", "made": "make", "took": "take",
        "taken": "take", "saw": "see", "seen": "see", "came": "come", "got": "get", "gotten": "get", "gave": "give",
        "given": "give", "knew": "know", "known": "know", "thought": "think", "told": "tell", "found": "find",
        "felt": "feel", "left": "leave", "brought": "bring", "began": "begin", "begun": "begin", "kept": "keep",
        "held": "hold", "stood": "stand", "ran": "run", "wrote": "write", "written": "write", "sat": "sit",
        "spoke": "speak", "spoken": "speak", "men": "man", "women": "woman", "children": "child",
        "people": "person", "feet": "foot", "teeth": "tooth", "mice": "mouse", "better": "good", "best": "good",
        "worse": "bad", "worst": "bad", "bought": "buy", "caught": "catch", "taught": "teach", "fought": "fight",
        "sought": "seek", "met": "meet", "led": "lead", "fell": "fall", "fallen": "fall", "grew": "grow",
        "grown": "grow", "drew": "draw", "drawn": "draw", "flew": "fly", "flown": "fly", "threw": "throw",
        "thrown": "throw", "wore": "wear", "worn": "wear", "ate": "eat", "eaten": "eat", "drank": "drink",
        "drunk": "drink", "slept": "sleep", "lost": "lose", "paid": "pay", "sent": "send", "spent": "spend",
        "built": "build", "lent": "lend", "meant": "mean", "heard": "hear", "sold": "sell", "stole": "steal",
        "stolen": "steal", "rode": "ride", "ridden": "ride", "rose": "rise", "risen": "rise", "chose": "choose",
        "chosen": "choose", "broke": "break", "broken": "break", "forgot": "forget", "forgotten": "forget",
        "hid": "hide", "hidden": "hide", "bit": "bite", "bitten": "bite", "shook": "shake", "shaken": "shake",
        "woke": "wake", "woken": "wake", "sang": "sing", "sung": "sing", "swam": "swim", "swum": "swim",
        "lay": "lie", "lain": "lie", "laid": "lay", "hung": "hang", "struck": "strike", "stuck": "stick",
        "swept": "sweep", "wept": "weep", "crept": "creep", "dealt": "deal", "dug": "dig", "fed": "feed",
        "fled": "flee", "shot": "shoot", "shut": "shut", "understood": "understand", "won": "win", "wound": "wind",
        "drove": "drive", "driven": "drive", "froze": "freeze", "frozen": "freeze", "beaten": "beat", "arose": "arise",
        "arisen": "arise", "undertook": "undertake", "undertaken": "undertake", "withdrew": "withdraw",
        "withdrawn": "withdraw", "tore": "tear", "torn": "tear", "swore": "swear", "sworn": "swear", "sank": "sink",
        "sunk": "sink", "spun": "spin", "shone": "shine", "forbade": "forbid", "forbidden": "forbid",
        "lit": "light", "his": "he", "him": "he", "her": "she", "hers": "she", "me": "i", "my": "i", "mine": "i",
        "us": "we", "our": "we", "ours": "we", "them": "they", "your": "you", "yours": "you", "lives": "life",
        "wives": "wife", "knives": "knife", "leaves": "leaf", "wolves": "wolf", "halves": "half",
        "countries": "country", "cities": "city", "chinese": "china",
    ]

    /// The matching key of a lower-case English word. An irregular form is stemmed as its
    /// regular base is (`made` → `make` → `mak`, as `make` itself gives).
    public static func stem(_ word: String) -> String {
        regularStem(irregular[word] ?? word)
    }

    /// The matching key of a word by the suffix rules alone.
    static func regularStem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 3, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        unifySpelling(&w)
        func ends(_ suffix: String) -> Bool { w.count > suffix.utf8.count + 1 && w.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 }
        if ends("ies") {
            w.removeLast(3)
            w.append(0x79)  // y
        } else if ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zes") {
            w.removeLast(2)
        } else if ends("s") && !ends("ss") && !ends("us") && !ends("is") {
            w.removeLast()
        }
        if ends("ing") && w.dropLast(3).contains(where: isVowel) {
            w.removeLast(3)
            undouble(&w)
        } else if ends("ied") {
            w.removeLast(3)
            w.append(0x79)
        } else if ends("ed") && w.dropLast(2).contains(where: isVowel) {
            w.removeLast(2)
            undouble(&w)
        }
        if ends("ly") && w.count > 5 { w.removeLast(2) }
        derivational(&w)
        // `made`/`make`, `hope`/`hoped`: drop a final e so both forms meet.
        if w.count > 3 && w.last == 0x65 { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }

    /// British and American spellings made one, since CC-CEDICT glosses in American
    /// spelling and much news English from China is British: `-our` → `-or` (`harbour`,
    /// `labourers`), `-tre` → `-ter` (`centre`), `-ize` → `-ise` (`organize`,
    /// `organizations`), and a few words by name. Only after three letters or more, so
    /// `four`, `hour`, `size` and `prize` keep their spelling.
    static func unifySpelling(_ w: inout [UInt8]) {
        if let known = spellings[String(decoding: w, as: UTF8.self)] {
            w = Array(known.utf8)
            return
        }
        func replace(_ middle: String, by replacement: String, endings: [String]) -> Bool {
            let m = Array(middle.utf8)
            for ending in endings {
                let e = Array(ending.utf8)
                guard w.count >= 3 + m.count + e.count, w.suffix(e.count).elementsEqual(e) else { continue }
                let at = w.count - e.count - m.count
                guard w[at..<(at + m.count)].elementsEqual(m) else { continue }
                w.replaceSubrange(at..<(at + m.count), with: Array(replacement.utf8))
                return true
            }
            return false
        }
        if replace("our", by: "or", endings: ["", "s", "ed", "ing", "ite", "ites", "able", "ably", "ful", "less", "er", "ers"]) {
            return
        }
        if replace("tre", by: "ter", endings: ["", "s"]) { return }
        _ = replace("iz", by: "is", endings: ["e", "es", "ed", "ing", "ation", "ations", "ational", "er", "ers"])
    }

    /// Spelling variants not covered by the rules of ``unifySpelling(_:)``.
    static let spellings: [String: String] = [
        "defence": "defense", "offence": "offense", "licence": "license", "programme": "program",
        "programmes": "programs", "catalogue": "catalog", "catalogues": "catalogs", "grey": "gray", "tyre": "tire",
        "tyres": "tires", "analyse": "analyze", "analysed": "analyzed", "analysing": "analyzing", "paralyse": "paralyze",
        "aluminium": "aluminum", "cheque": "check", "jewellery": "jewelry", "practise": "practice", "enrol": "enroll",
        "fulfil": "fulfill", "sceptical": "skeptical", "plough": "plow", "mould": "mold", "kerb": "curb",
    ]

    /// Derivational suffixes, so that a gloss's verb meets the text's noun or adjective
    /// (`cooperate`, `cooperation`, `cooperative`; `region`, `regional`; `develop`,
    /// `development`; `organise`, `organisation`; `peace`, `peaceful`; `friend`,
    /// `friendship`; `economy`, `economic`; `industry`, `industrial`). Conservative: the
    /// remaining stem keeps at least four letters.
    private static func derivational(_ w: inout [UInt8]) {
        func strip(_ suffix: String, keep: String = "") -> Bool {
            let s = Array(suffix.utf8)
            guard w.count >= s.count + 4, w.suffix(s.count).elementsEqual(s) else { return false }
            w.removeLast(s.count)
            w += Array(keep.utf8)
            return true
        }
        // Two rounds at most: `educational` → `education` → `educat`. `ation`, `ate` and
        // `ative` all end as `at` (a final e is dropped afterwards).
        for _ in 0..<2 {
            let stripped =
                strip("isation", keep: "is") || strip("ation", keep: "at") || strip("ative", keep: "at")
                || strip("tion", keep: "t") || strip("sion", keep: "s") || strip("ment") || strip("ive") || strip("ity")
                || strip("al") || strip("ful") || strip("ous") || strip("ship")
            if !stripped { break }
        }
        // `economic` and `economy`, `industri(al)` and `industry`: one stem.
        if w.count >= 6 && w.suffix(2).elementsEqual("ic".utf8) {
            w.removeLast(2)
            w.append(0x79)
        } else if w.count >= 5 && w.last == 0x69 {
            w[w.count - 1] = 0x79
        }
    }

    private static func undouble(_ w: inout [UInt8]) {
        let n = w.count
        if n >= 3 && w[n - 1] == w[n - 2] && w[n - 1] != 0x6C && w[n - 1] != 0x73 && w[n - 1] != 0x7A {
            w.removeLast()
        }
    }
}
