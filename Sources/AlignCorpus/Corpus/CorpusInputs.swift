#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One unit of work of a corpus build.
public enum CorpusDocument: Equatable, Sendable {
    /// One file holding both languages.
    case page(path: String)
    /// A Chinese document and its English translation.
    case pair(zh: String, en: String)
    /// Something that cannot be used, with the reason.
    case unusable(path: String, reason: String)

    /// The document's name in outputs: the page's path, or the Chinese file's path
    /// without its `.zh.txt`/`.zh` ending.
    public var name: String {
        switch self {
        case .page(let path), .unusable(let path, _): return path
        case .pair(let zh, _): return CorpusInputs.pairStem(zh)?.stem ?? zh
        }
    }
}

/// Finds the documents of a build: files and folders (searched recursively, hidden entries
/// skipped), in a stable order. `NAME.zh.txt` + `NAME.en.txt` (or `NAME.zh` + `NAME.en`)
/// make a document pair; any other file is a bilingual page.
public enum CorpusInputs {
    /// The documents under `paths`, sorted by path.
    public static func discover(_ paths: [String]) -> [CorpusDocument] {
        var files: [String] = []
        var problems: [CorpusDocument] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                problems.append(.unusable(path: path, reason: "cannot read: \(String(cString: strerror(errno)))"))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR { files += walk(path) } else { files.append(path) }
        }
        files = Array(Set(files)).sorted()
        var documents: [CorpusDocument] = []
        var byStem: [String: (zh: String?, en: String?)] = [:]
        for file in files {
            if let (stem, language) = pairStem(file) {
                var entry = byStem[stem] ?? (nil, nil)
                if language == .zh { entry.zh = file } else { entry.en = file }
                byStem[stem] = entry
            } else {
                documents.append(.page(path: file))
            }
        }
        for (stem, entry) in byStem {
            switch (entry.zh, entry.en) {
            case let (zh?, en?): documents.append(.pair(zh: zh, en: en))
            case let (zh?, nil): documents.append(.unusable(path: zh, reason: "no English counterpart (\(stem).en.txt or \(stem).en)"))
            case let (nil, en?): documents.append(.unusable(path: en, reason: "no Chinese counterpart (\(stem).zh.txt or \(stem).zh)"))
            default: break
            }
        }
        return (documents + problems).sorted { sortKey($0) < sortKey($1) }
    }

    static func sortKey(_ d: CorpusDocument) -> String {
        switch d {
        case .page(let path), .unusable(let path, _): return path
        case .pair(let zh, _): return zh
        }
    }

    /// `a/news.zh.txt` → (`a/news`, zh); `a/news.en` → (`a/news`, en); other names → nil.
    static func pairStem(_ path: String) -> (stem: String, language: Language)? {
        for (suffix, language) in [(".zh.txt", Language.zh), (".en.txt", .en), (".zh", .zh), (".en", .en)]
        where path.hasSuffix(suffix) && path.count > suffix.count {
            return (String(path.dropLast(suffix.count)), language)
        }
        return nil
    }

    static func walk(_ folder: String) -> [String] {
        var result: [String] = []
        for name in FileSystem.entries(of: folder) ?? [] where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                result += walk(path)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                result.append(path)
            }
        }
        return result
    }
}
