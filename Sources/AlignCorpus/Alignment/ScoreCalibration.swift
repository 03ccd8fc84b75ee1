#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a bead's evidence into about the probability that it is a correct translation
/// unit: a logistic model of the similarity, the length cost and the bead's size. The
/// coefficients were fitted by `tools/fit-calibration` on MAC-Dev (a bead counts as correct
/// when it equals a gold bead); the fit's reliability table is in the README.
enum ScoreCalibration {
    static let coefficients = (intercept: 0.740, similarity: 3.096, lengthCost: -0.291, extraSentences: -0.543)

    static func probability(_ bead: ScoredBead) -> Double {
        let c = coefficients
        let z =
            c.intercept + c.similarity * bead.similarity + c.lengthCost * bead.lengthCost
            + c.extraSentences * Double(bead.zh.count + bead.en.count - 2)
        return 1 / (1 + exp(-z))
    }
}
