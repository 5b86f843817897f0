import Bootstrap
import Foundation

extension RoundSummary {
    /// The round as `ouro bootstrap --json` and `ouro report --json` print it.
    var jsonObject: [String: Any] {
        [
            "round": round, "trainSolved": trainSolved, "trainTotal": trainTotal,
            "testSolved": testSolved, "testTotal": testTotal, "newAbstractions": newAbstractions,
            "librarySize": librarySize, "seconds": (seconds * 10).rounded() / 10,
            "medianCandidatesTest": medianCandidatesTest ?? NSNull(),
            "validationSolved": validationSolved ?? NSNull(), "validationTotal": validationTotal ?? NSNull(),
            "medianSecondsTest": medianSecondsTest.map { ($0 * 1000).rounded() / 1000 } ?? NSNull(),
        ]
    }
}
