#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import TestSupport
import Testing

@testable import AlignCorpus

@Suite struct LexiconTests {
    static func miniCEDICT() throws -> Lexicon {
        let bytes = try #require(FileSystem.readFile(Fixtures.path("mini-cedict.u8")))
        return CEDICTReader.lexicon(from: bytes)
    }

    @Test func glossesBecomeStemsWithoutFunctionWordsOrCrossReferences() throws {
        let lexicon = try Self.miniCEDICT()
        let stems = Set(try #require(lexicon.translations(of: "苹果")).map { lexicon.stem($0) })
        #expect(stems == [EnglishStemmer.stem("apple")])  // `CL:…` gives nothing
        let go = Set(try #require(lexicon.translations(of: "去")).map { lexicon.stem($0) })
        #expect(go == ["go"])  // `to` is a function word, `(a place)` a comment
    }

    @Test func traditionalAndSimplifiedHeadwordsBothWork() throws {
        let lexicon = try Self.miniCEDICT()
        #expect(lexicon.translations(of: "电视") == lexicon.translations(of: "電視"))
        #expect(lexicon.contains("市場") && lexicon.contains("市场"))
    }

    @Test func surnamesAndReadings() throws {
        let lexicon = try Self.miniCEDICT()
        #expect(try #require(lexicon.translations(of: "陈")).map { lexicon.stem($0) } == ["chen"])
        #expect(lexicon.readings["陈".unicodeScalars.first!.value] == "chen")
        #expect(lexicon.readings["苹".unicodeScalars.first!.value] == nil)  // only one-character entries
    }

    @Test func reportingVerbsOfChineseNewsAlsoMeanSaid() throws {
        let lexicon = try Self.miniCEDICT()
        for verb in ["指出", "强调", "表示", "称"] {
            #expect(try #require(lexicon.translations(of: verb)).map { lexicon.stem($0) }.contains("say"), "\(verb)")
        }
    }

    @Test func stringTableFindsEveryKeyAndNothingElse() throws {
        var keys = (0..<5_000).map { "词\($0)" }
        keys.append("")
        let built = StringTable(keys)
        let decoded = try #require(StringTable(bytes: built.bytes, offsets: built.offsets, slots: built.slots))
        for table in [built, decoded] {
            for (k, key) in keys.enumerated() { #expect(table.index(of: key) == k) }
            for k in 5_000..<15_000 { #expect(table.index(of: "词\(k)") == nil) }
        }
    }

    @Test func cacheRoundTrip() throws {
        let lexicon = try Self.miniCEDICT()
        let decoded = try #require(LexiconCacheFormat.decode(LexiconCacheFormat.encode(lexicon)))
        #expect(decoded.count == lexicon.count)
        for headword in ["今天", "電視", "陈", "碗"] {
            #expect(decoded.translations(of: headword).map(Array.init) == lexicon.translations(of: headword).map(Array.init))
        }
        #expect(decoded.readings == lexicon.readings)
        #expect(LexiconCacheFormat.decode(Array("not a cache".utf8)) == nil)
        var corrupt = LexiconCacheFormat.encode(lexicon)
        corrupt.removeLast(10)
        #expect(LexiconCacheFormat.decode(corrupt) == nil)
    }

    @Test func stemmerMeetsInflections() {
        #expect(EnglishStemmer.stem("said") == EnglishStemmer.stem("say"))
        // Irregular forms meet their base as the regular rules stem it.
        for (form, base) in [("made", "make"), ("took", "take"), ("driven", "drive"), ("wrote", "write"), ("came", "come"),
            // and derived forms theirs
            ("economic", "economy"), ("industrial", "industry"), ("strategic", "strategy"), ("organization", "organize"),
            ("peaceful", "peace"), ("friendship", "friend"), ("championship", "champion"), ("prosperous", "prosperity")]
        {
            #expect(EnglishStemmer.stem(form) == EnglishStemmer.stem(base), "\(form)")
        }
        #expect(EnglishStemmer.stem("countries") == EnglishStemmer.stem("country"))
        #expect(EnglishStemmer.stem("watched") == EnglishStemmer.stem("watch"))
        #expect(EnglishStemmer.stem("running") == EnglishStemmer.stem("run"))
        #expect(EnglishStemmer.stem("hoped") == EnglishStemmer.stem("hope"))
        #expect(EnglishStemmer.stem("apples") == EnglishStemmer.stem("apple"))
    }

    @Test func glossAcronymsExpandAsInTheText() {
        // 中美 /China-US/: `US` is the United States, as `U.S.` is in English text, not
        // the pronoun `us`: its words and the acronym's own token.
        let stems = CEDICTReader.glossStems("China-US")
        #expect(stems == ["china", "unit", "stat"].map(EnglishStemmer.stem) + [EnglishStemmer.acronymToken("US")!])
        #expect(CEDICTReader.glossStems("United States").last == EnglishStemmer.acronymToken("USA"))
        #expect(CEDICTReader.glossStems("to help us") == [EnglishStemmer.stem("help"), "we"])
    }

    /// Glosses give verbs (合作 `to cooperate`, 立法 `to legislate`) where news English uses
    /// nouns and adjectives.
    @Test func stemmerMeetsDerivations() {
        func same(_ words: String...) -> Bool { Set(words.map(EnglishStemmer.stem)).count == 1 }
        #expect(same("cooperate", "cooperation", "cooperative", "cooperating"))
        #expect(same("legislate", "legislation", "legislative"))
        #expect(same("protect", "protection"))
        #expect(same("develop", "development", "developments"))
        #expect(same("region", "regional"))
        #expect(same("educate", "education", "educational"))
        #expect(same("secure", "security"))
        // CC-CEDICT glosses in American spelling; news English from China is often British.
        #expect(same("harbor", "harbour", "harbours"))
        #expect(same("labor", "labour", "labours") && same("labourers", "laborers"))
        #expect(same("center", "centre", "centres"))
        #expect(same("organize", "organise", "organized", "organising"))
        #expect(same("organization", "organisation", "organisations"))
        #expect(same("defense", "defence") && same("program", "programme"))
        #expect(EnglishStemmer.stem("four") == "four" && EnglishStemmer.stem("hour") == "hour")
        #expect(EnglishStemmer.stem("prize") != EnglishStemmer.stem("prise"))
        // Short words keep their endings: a stem keeps at least four letters.
        #expect(EnglishStemmer.stem("nation") == "nation" && EnglishStemmer.stem("station") == "station")
        #expect(EnglishStemmer.stem("total") == "total" && EnglishStemmer.stem("city") == "city")
    }

    @Test func aNewCacheFormatRemovesTheOldOnesOfTheSameDictionaryOnly() throws {
        var template = Array("/tmp/aligncorpus-cache-test-XXXXXX".utf8CString)
        let directory = try #require(template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) })
        defer {
            for name in FileSystem.entries(of: directory) ?? [] { unlink(directory + "/" + name) }
            rmdir(directory)
        }
        let current = "cedict-100-7.v\(LexiconCacheFormat.version).bin"
        let names = [current, "cedict-100-7.v1.bin", "cedict-100-7.v2.bin", "cedict-200-7.v1.bin", "cedict_ts.u8", "notes.txt"]
        for name in names { LexiconStore.writeFileAtomically(directory + "/" + name, [1]) }
        LexiconStore.removeStaleCaches(in: directory, key: "100-7")
        let left = Set(FileSystem.entries(of: directory) ?? [])
        #expect(left == [current, "cedict-200-7.v1.bin", "cedict_ts.u8", "notes.txt"])
    }
}
