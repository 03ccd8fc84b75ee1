/// Consonant skeletons for matching transliterated foreign names across scripts:
/// `托卡耶夫` (pinyin `tuo ka ye fu`) and `Tokayev` both give `TKF`, `阿斯塔纳` and `Astana`
/// give `ASTN`. Letters are mapped to rough sound classes (p/b, t/d, k/g, f/v, s-like,
/// l/r, m, n), vowels and glides dropped (a leading vowel kept as `A`), repeats collapsed.
enum Transliteration {
    /// Skeletons shorter than this match too much to be evidence.
    static let minimumLength = 3

    /// The skeleton of pinyin syllables (`["tuo", "ka", "ye", "fu"]`).
    static func pinyinSkeleton(_ syllables: [String]) -> String? {
        var classes: [Character] = []
        for (k, syllable) in syllables.enumerated() {
            var s = Substring(syllable)
            if k == 0, let first = s.first, "aeiou".contains(first) { classes.append("A") }
            // Initials.
            for (prefix, sound) in [("zh", "S"), ("ch", "S"), ("sh", "S")] where s.hasPrefix(prefix) {
                classes.append(Character(sound))
                s = s.dropFirst(2)
            }
            if let first = s.first, let sound = pinyinInitial[first] {
                if sound != "-" { classes.append(sound) }
                s = s.dropFirst()
            }
            // Finals: only their nasal ending counts.
            if s.hasSuffix("n") || s.hasSuffix("ng") { classes.append("N") }
        }
        return finish(classes)
    }

    static let pinyinInitial: [Character: Character] = [
        "b": "P", "p": "P", "m": "M", "f": "F", "d": "T", "t": "T", "n": "N", "l": "L", "g": "K", "k": "K",
        "h": "-", "j": "S", "q": "S", "x": "S", "r": "L", "z": "S", "c": "S", "s": "S", "y": "-", "w": "-",
    ]

    /// The skeleton of an English (Latin-script) name, lower case.
    static func englishSkeleton(_ word: String) -> String? {
        let s = Array(word.lowercased().unicodeScalars.filter { $0.value >= 0x61 && $0.value <= 0x7A }.map { Character($0) })
        guard s.count >= 3 else { return nil }
        var classes: [Character] = []
        if "aeiou".contains(s[0]) { classes.append("A") }
        var i = 0
        while i < s.count {
            let c = s[i]
            let next: Character? = i + 1 < s.count ? s[i + 1] : nil
            switch c {
            case "b", "p": classes.append(next == "h" ? "F" : "P"); if next == "h" { i += 1 }
            case "d", "t": classes.append("T"); if next == "h" { i += 1 }
            case "k", "q": classes.append("K")
            case "g": classes.append(next == "e" || next == "i" ? "S" : "K")
            case "c":
                if next == "h" { classes.append("S"); i += 1 }
                else if next == "e" || next == "i" || next == "y" { classes.append("S") }
                else { classes.append("K") }
            case "x": classes.append("K"); classes.append("S")
            case "f", "v": classes.append("F")
            case "s": classes.append("S"); if next == "h" || next == "z" { i += 1 }
            case "z", "j": classes.append("S")
            case "l", "r": classes.append("L")
            case "m": classes.append("M")
            case "n": classes.append("N"); if next == "g" { i += 1 }
            default: break  // vowels, h, w, y
            }
            i += 1
        }
        return finish(classes)
    }

    private static func finish(_ classes: [Character]) -> String? {
        var out: [Character] = []
        for c in classes where out.last != c { out.append(c) }
        let consonants = out.filter { $0 != "A" }.count
        return consonants >= minimumLength ? "~" + String(out) : nil
    }
}
