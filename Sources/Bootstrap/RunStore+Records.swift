import Foundation
import GRDB

/// Which side of the split a task is on: train tasks are learned from, test tasks only measured.
public enum Split: String, Sendable, Codable {
    case train, test
}

/// A task registered in a run.
public struct StoredTask: Sendable, Hashable {
    public var id: Int64
    public var file: String
    public var name: String
    public var split: Split
}

/// One program of a task's frontier, as the run store keeps it.
public struct StoredProgram: Sendable, Hashable {
    public var program: String
    public var logPrior: Double
    public var logLikelihood: Double

    public init(program: String, logPrior: Double, logLikelihood: Double) {
        self.program = program
        self.logPrior = logPrior
        self.logLikelihood = logLikelihood
    }
}

/// A task's outcome in one round's wake.
public struct StoredResult: Sendable {
    public var task: Int64
    public var solved: Bool
    public var seconds: Double
    public var candidates: Int
    public var reason: String?
    public var frontier: [StoredProgram]
}

/// The summary line of a finished round.
public struct RoundSummary: Sendable, Codable, Equatable {
    public var round: Int
    public var trainSolved: Int
    public var trainTotal: Int
    public var testSolved: Int
    public var testTotal: Int
    public var newAbstractions: Int
    public var librarySize: Int
    public var seconds: Double
    public var medianCandidatesTest: Double?
}

/// A learned abstraction as the run store keeps it.
public struct StoredAbstraction: Sendable, Equatable {
    public var name: String
    public var round: Int
    public var body: String
    public var pattern: String
    public var type: String
    public var arity: Int
    public var uses: Int
    public var utility: Int
}

extension RunStore {
    /// The run's settings (empty for a new store).
    public func settings() throws(RunStoreError) -> [String: String] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM settings").map { ($0["key"] as String, $0["value"] as String) })
        }
    }

    /// Saves settings (a new run).
    public func saveSettings(_ settings: [String: String]) throws(RunStoreError) {
        try write { db in
            for (key, value) in settings {
                try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: [key, value])
            }
        }
    }

    /// Registers tasks (keeping those already registered) and returns every task of the run.
    public func register(_ tasks: [(file: String, name: String, split: Split)]) throws(RunStoreError) -> [StoredTask] {
        try write { db in
            for task in tasks {
                try db.execute(sql: "INSERT OR IGNORE INTO tasks (file, name, split) VALUES (?, ?, ?)",
                               arguments: [task.file, task.name, task.split.rawValue])
            }
        }
        return try self.tasks()
    }

    public func tasks() throws(RunStoreError) -> [StoredTask] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, file, name, split FROM tasks ORDER BY id").map {
                StoredTask(id: $0["id"], file: $0["file"], name: $0["name"], split: Split(rawValue: $0["split"]) ?? .test)
            }
        }
    }

    /// Records a task's outcome in a round with its frontier, in one transaction.
    public func record(round: Int, _ result: StoredResult) throws(RunStoreError) {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO results (round, task, solved, seconds, candidates, reason) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [round, result.task, result.solved, result.seconds, result.candidates, result.reason])
            try db.execute(sql: "DELETE FROM solutions WHERE round = ? AND task = ?", arguments: [round, result.task])
            for (rank, entry) in result.frontier.enumerated() {
                try db.execute(sql: """
                    INSERT INTO solutions (round, task, rank, program, logPrior, logLikelihood, seconds, candidates)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [round, result.task, rank, entry.program, entry.logPrior, entry.logLikelihood, result.seconds, result.candidates])
            }
        }
    }

    /// The outcomes recorded for a round, by task id.
    public func results(round: Int) throws(RunStoreError) -> [Int64: StoredResult] {
        try read { db in
            var results: [Int64: StoredResult] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT task, solved, seconds, candidates, reason FROM results WHERE round = ?", arguments: [round]) {
                let task: Int64 = row["task"]
                results[task] = StoredResult(task: task, solved: row["solved"], seconds: row["seconds"], candidates: row["candidates"], reason: row["reason"], frontier: [])
            }
            for row in try Row.fetchAll(db, sql: "SELECT task, program, logPrior, logLikelihood FROM solutions WHERE round = ? ORDER BY task, rank", arguments: [round]) {
                let task: Int64 = row["task"]
                results[task]?.frontier.append(StoredProgram(program: row["program"], logPrior: row["logPrior"], logLikelihood: row["logLikelihood"]))
            }
            return results
        }
    }

    /// For each task, the frontier of the latest round up to `round` that solved it.
    public func latestFrontiers(upTo round: Int) throws(RunStoreError) -> [Int64: [StoredProgram]] {
        try read { db in
            var frontiers: [Int64: (round: Int, programs: [StoredProgram])] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT round, task, program, logPrior, logLikelihood FROM solutions WHERE round <= ? ORDER BY round, task, rank", arguments: [round]) {
                let task: Int64 = row["task"], solvedIn: Int = row["round"]
                let program = StoredProgram(program: row["program"], logPrior: row["logPrior"], logLikelihood: row["logLikelihood"])
                if let existing = frontiers[task], existing.round == solvedIn {
                    frontiers[task]!.programs.append(program)
                } else {
                    frontiers[task] = (solvedIn, [program])
                }
            }
            return frontiers.mapValues(\.programs)
        }
    }

    /// Ends a round in one transaction: its summary, the next round's grammar and ranking
    /// model (when there is a next round) and the abstractions learned for it.
    public func finish(_ summary: RoundSummary, nextGrammar: String?, nextRanker: Data?, abstractions: [StoredAbstraction]) throws(RunStoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO rounds (round, trainSolved, trainTotal, testSolved, testTotal, newAbstractions, librarySize, seconds, medianCandidatesTest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [summary.round, summary.trainSolved, summary.trainTotal, summary.testSolved, summary.testTotal,
                                 summary.newAbstractions, summary.librarySize, summary.seconds, summary.medianCandidatesTest])
            if let nextGrammar {
                try db.execute(sql: "INSERT OR REPLACE INTO grammars (round, text) VALUES (?, ?)", arguments: [summary.round + 1, nextGrammar])
            }
            if let nextRanker {
                try db.execute(sql: "INSERT OR REPLACE INTO rankers (round, data) VALUES (?, ?)", arguments: [summary.round + 1, nextRanker])
            }
            for a in abstractions {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO abstractions (name, round, body, pattern, type, arity, uses, utility)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [a.name, a.round, a.body, a.pattern, a.type, a.arity, a.uses, a.utility])
            }
            try db.execute(sql: "INSERT INTO events (time, round, message) VALUES (?, ?, ?)",
                           arguments: [Date().timeIntervalSince1970, summary.round, "round \(summary.round) finished"])
        }
    }

    public func grammarText(round: Int) throws(RunStoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT text FROM grammars WHERE round = ?", arguments: [round]) }
    }

    public func saveGrammar(_ text: String, round: Int) throws(RunStoreError) {
        try write { db in try db.execute(sql: "INSERT OR REPLACE INTO grammars (round, text) VALUES (?, ?)", arguments: [round, text]) }
    }

    public func rankerData(round: Int) throws(RunStoreError) -> Data? {
        try read { db in try Data.fetchOne(db, sql: "SELECT data FROM rankers WHERE round = ?", arguments: [round]) }
    }

    /// The finished rounds, in order.
    public func finishedRounds() throws(RunStoreError) -> [RoundSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM rounds ORDER BY round").map {
                RoundSummary(round: $0["round"], trainSolved: $0["trainSolved"], trainTotal: $0["trainTotal"], testSolved: $0["testSolved"],
                             testTotal: $0["testTotal"], newAbstractions: $0["newAbstractions"], librarySize: $0["librarySize"],
                             seconds: $0["seconds"], medianCandidatesTest: $0["medianCandidatesTest"])
            }
        }
    }

    /// The abstractions learned up to and including those for `round`'s wake.
    public func abstractions(upTo round: Int? = nil) throws(RunStoreError) -> [StoredAbstraction] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM abstractions WHERE round <= ? ORDER BY round, name", arguments: [round ?? Int.max]).map {
                StoredAbstraction(name: $0["name"], round: $0["round"], body: $0["body"], pattern: $0["pattern"], type: $0["type"],
                                  arity: $0["arity"], uses: $0["uses"], utility: $0["utility"])
            }
        }
    }

    /// Appends an event to the run's log.
    public func log(_ message: String, round: Int?) throws(RunStoreError) {
        try write { db in
            try db.execute(sql: "INSERT INTO events (time, round, message) VALUES (?, ?, ?)", arguments: [Date().timeIntervalSince1970, round, message])
        }
    }
}

extension RunStore {
    /// Every solution in the store as `round task rank program` lines, for checks and exports.
    public func solutionLines() throws(RunStoreError) -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT round, task, rank, program FROM solutions ORDER BY round, task, rank").map {
                "\($0["round"] as Int) \($0["task"] as Int64) \($0["rank"] as Int) \($0["program"] as String)"
            }
        }
    }
}
