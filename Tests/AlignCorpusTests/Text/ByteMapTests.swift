import Testing

@testable import AlignCorpus

@Suite struct ByteMapTests {
    func index(_ map: ByteMap, _ key: String) -> Int? {
        var key = key
        return key.withUTF8 { map.index(of: $0) }
    }

    @Test func numbersKeysDenselyInOrderOfFirstInsertion() {
        var map = ByteMap()
        #expect(map.insert("新华社") == (0, true))
        #expect(map.insert("") == (1, true))
        #expect(map.insert("新华") == (2, true))
        #expect(map.insert("新华社") == (0, false))
        #expect(index(map, "新华") == 2 && index(map, "") == 1 && index(map, "新") == nil)
        #expect(map.count == 3)
    }

    @Test func agreesWithADictionaryThroughGrowthAndAfterRemoveAll() {
        var map = ByteMap()
        var reference: [String: Int] = [:]
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab中文 .é".unicodeScalars)
        for round in 0..<2 {
            for _ in 0..<5_000 {
                var key = ""
                for _ in 0..<Int.random(in: 0...12, using: &rng) { key.unicodeScalars.append(alphabet.randomElement(using: &rng)!) }
                let expected = reference[key] ?? reference.count
                let result = map.insert(key)
                #expect(result.index == expected && result.inserted == (reference[key] == nil), "round \(round): \(key)")
                reference[key] = expected
            }
            for (key, k) in reference { #expect(index(map, key) == k) }
            #expect(index(map, "absent, longer than any key") == nil)
            map.removeAll()
            reference.removeAll()
            #expect(map.count == 0 && index(map, "a") == nil)
        }
    }
}
