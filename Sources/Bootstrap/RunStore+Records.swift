import Domain
import Foundation
import GRDB

/// Which side of the split a task is on: train tasks are learned from; validation tasks
/// (held out of the train tasks) judge what the loop proposes to change in itself; test tasks
/// are only measured. Neither validation nor test tasks are ever learned from.
public enum Split: String, Sendable, Codable, CaseIterable {
    case train, validation, test
}

/// A task registered in a run.
public struct StoredTask: Sendable, Hashable {
    public var id: Int64
    public var file: String
    public var name: String
    public var split: Split
    /// The name of the domain that reads it; `nil` in stores from before domains were recorded.
    public var domain: String? = nil
}

/// One program of a task's frontier, as the run store keeps it.
public typealias StoredProgram = StoredAnswer

/// A task's outcome in one round's wake.
public struct StoredResult: Sendable {
    public var task: Int64
    public var solved: Bool
    public var seconds: Double
    public var candidates: Int
    public var reason: String?
    public var frontier: [StoredProgram]
    /// Where the search's time went, as far as its domain measured it.
    public var timings = Timings()
    /// The most programs the search's bank held, for a search that keeps one.
    public var bank: Int?
    /// For a solved task, whether the second search (with the starting grammar) found the
    /// answer; `nil` for an unsolved one, and in stores from before it was recorded.
    public var foundByFallback: Bool?
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
    /// The validation tasks solved and held out (`nil` in runs without them).
    public var validationSolved: Int? = nil
    public var validationTotal: Int? = nil
    /// The median seconds of the test tasks solved (`nil` when none was, or in runs from
    /// before it was recorded).
    public var medianSecondsTest: Double? = nil
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
            var settings: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rowid AS storedRow, key, value FROM settings") {
                let stored = value(row, table: "settings")
                let key = try stored.text("key")
                if settings[key] != nil { throw damaged("table settings holds the key \(key) twice") }
                settings[key] = try stored.text("value")
            }
            return settings
        }
    }

    /// Saves settings (a new run).
    public func saveSettings(_ settings: [String: String]) throws(RunStoreError) {
        try write { db in
            for (key, value) in settings {
                try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: [StoredValue.binding(key), StoredValue.binding(value)])
            }
        }
    }

    /// Registers tasks (keeping those already registered) and returns every task of the run.
    public func register(_ tasks: [(file: String, name: String, split: Split)]) throws(RunStoreError) -> [StoredTask] {
        try write { db in
            for task in tasks {
                try db.execute(sql: "INSERT OR IGNORE INTO tasks (file, name, split) VALUES (?, ?, ?)",
                               arguments: [StoredValue.binding(task.file), StoredValue.binding(task.name), task.split.rawValue])
            }
        }
        return try self.tasks()
    }

    public func tasks() throws(RunStoreError) -> [StoredTask] {
        try read { db in
            let hasDomains = try db.columns(in: "tasks").contains { $0.name == "domain" }
            let domain = hasDomains ? ", domain" : ""
            return try Row.fetchAll(db, sql: "SELECT rowid AS storedRow, id, file, name, split\(domain) FROM tasks ORDER BY id").map { row in
                let stored = value(row, table: "tasks")
                guard let split = Split(rawValue: try stored.text("split")) else {
                    throw stored.mismatch("split", expected: "train, validation or test")
                }
                return StoredTask(id: try stored.int64("id"), file: try stored.text("file"), name: try stored.text("name"), split: split,
                                  domain: hasDomains ? try stored.optionalText("domain") : nil)
            }
        }
    }

    /// Records the domain of each task given by id.
    public func setDomains(_ domains: [(task: Int64, domain: String)]) throws(RunStoreError) {
        try write { db in
            for (task, domain) in domains {
                try db.execute(sql: "UPDATE tasks SET domain = ? WHERE id = ?", arguments: [StoredValue.binding(domain), task])
            }
        }
    }

    /// Records a task's outcome in a round with its frontier, in one transaction.
    public func record(round: Int, _ result: StoredResult) throws(RunStoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO results (round, task, solved, seconds, candidates, reason, bank, foundByFallback)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [round, result.task, result.solved, result.seconds, result.candidates, StoredValue.binding(result.reason),
                                 result.bank, result.foundByFallback])
            try db.execute(sql: "DELETE FROM solutions WHERE round = ? AND task = ?", arguments: [round, result.task])
            try writeTimings(result.timings, round: round, task: result.task, in: db)
            for (rank, entry) in result.frontier.enumerated() {
                try db.execute(sql: """
                    INSERT INTO solutions (round, task, rank, program, logPrior, logLikelihood, seconds, candidates, form, content)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [round, result.task, rank, StoredValue.binding(entry.program), entry.logPrior, entry.logLikelihood,
                                     result.seconds, result.candidates, StoredValue.binding(entry.form), StoredValue.binding(entry.content)])
            }
        }
    }

    /// The outcomes recorded for a round, by task id.
    public func results(round: Int) throws(RunStoreError) -> [Int64: StoredResult] {
        try read { db in
            var results: [Int64: StoredResult] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rowid AS storedRow, task, solved, seconds, candidates, reason, bank, foundByFallback FROM results WHERE round = ?",
                                        arguments: [round]) {
                let stored = value(row, table: "results")
                let task = try stored.int64("task")
                results[task] = StoredResult(task: task, solved: try stored.bool("solved"), seconds: try stored.double("seconds"),
                                             candidates: try stored.count("candidates"), reason: try stored.optionalText("reason"), frontier: [],
                                             bank: try stored.optionalCount("bank"), foundByFallback: try stored.optionalBool("foundByFallback"))
            }
            for row in try Row.fetchAll(db, sql: "SELECT rowid AS storedRow, task, program, logPrior, logLikelihood FROM solutions WHERE round = ? ORDER BY task, rank", arguments: [round]) {
                let stored = value(row, table: "solutions")
                results[try stored.int64("task")]?.frontier.append(try program(stored))
            }
            return results
        }
    }

    /// For each task, the frontier of the latest round up to `round` that solved it.
    public func latestFrontiers(upTo round: Int) throws(RunStoreError) -> [Int64: [StoredProgram]] {
        try latestFrontierRows(upTo: round).mapValues { $0.map(\.program) }
    }

    /// For each task, the frontier of the latest round up to `round` that solved it, each
    /// program with where it is stored (for messages about it).
    func latestFrontierRows(upTo round: Int) throws(RunStoreError) -> [Int64: [(program: StoredProgram, place: String)]] {
        try read { db in
            var frontiers: [Int64: (round: Int, programs: [(program: StoredProgram, place: String)])] = [:]
            // A store of schema v1, read without migrating it, has no structured forms.
            let forms = try db.columns(in: "solutions").contains { $0.name == "form" } ? ", form, content" : ""
            for row in try Row.fetchAll(db, sql: "SELECT rowid AS storedRow, round, task, program, logPrior, logLikelihood\(forms) FROM solutions WHERE round <= ? ORDER BY round, task, rank", arguments: [round]) {
                let stored = value(row, table: "solutions")
                let task = try stored.int64("task"), solvedIn = try stored.int("round")
                let entry = (program: try program(stored), place: "table solutions, \(stored.label) (round \(solvedIn), task id \(task))")
                if let existing = frontiers[task], existing.round == solvedIn {
                    frontiers[task]?.programs.append(entry)
                } else {
                    frontiers[task] = (solvedIn, [entry])
                }
            }
            return frontiers.mapValues(\.programs)
        }
    }

    /// Ends a round in one transaction: its summary, the next round's grammar and ranking
    /// model (when there is a next round), the abstractions learned for it, the search
    /// configurations that change for it (by domain), and the sleep's journal entries.
    public func finish(_ summary: RoundSummary, nextGrammar: String?, nextRanker: Data?, abstractions: [StoredAbstraction],
                       timings: Timings = Timings(), configurations: [String: String] = [:], journal: [JournalEntry] = []) throws(RunStoreError) {
        try write { db in
            try writeJournal(journal, round: summary.round, in: db)
            for (domain, text) in configurations {
                try db.execute(sql: "INSERT OR REPLACE INTO configurations (round, domain, text) VALUES (?, ?, ?)",
                               arguments: [summary.round + 1, StoredValue.binding(domain), StoredValue.binding(text)])
            }
            try writeTimings(timings, round: summary.round, task: nil, in: db)
            try db.execute(sql: """
                INSERT OR REPLACE INTO rounds (round, trainSolved, trainTotal, testSolved, testTotal, newAbstractions, librarySize, seconds,
                                               medianCandidatesTest, validationSolved, validationTotal, medianSecondsTest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [summary.round, summary.trainSolved, summary.trainTotal, summary.testSolved, summary.testTotal,
                                 summary.newAbstractions, summary.librarySize, summary.seconds, summary.medianCandidatesTest,
                                 summary.validationSolved, summary.validationTotal, summary.medianSecondsTest])
            if let nextGrammar {
                try db.execute(sql: "INSERT OR REPLACE INTO grammars (round, text) VALUES (?, ?)", arguments: [summary.round + 1, StoredValue.binding(nextGrammar)])
            }
            if let nextRanker {
                try db.execute(sql: "INSERT OR REPLACE INTO rankers (round, data) VALUES (?, ?)", arguments: [summary.round + 1, nextRanker])
            }
            for a in abstractions {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO abstractions (name, round, body, pattern, type, arity, uses, utility)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [StoredValue.binding(a.name), a.round, StoredValue.binding(a.body), StoredValue.binding(a.pattern),
                                     StoredValue.binding(a.type), a.arity, a.uses, a.utility])
            }
            try db.execute(sql: "INSERT INTO events (time, round, message) VALUES (?, ?, ?)",
                           arguments: [Date().timeIntervalSince1970, summary.round, "round \(summary.round) finished"])
        }
    }

    public func grammarText(round: Int) throws(RunStoreError) -> String? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT rowid AS storedRow, text FROM grammars WHERE round = ?", arguments: [round]).map { row in
                try value(row, table: "grammars", label: "round \(round)").text("text")
            }
        }
    }

    public func saveGrammar(_ text: String, round: Int) throws(RunStoreError) {
        try write { db in try db.execute(sql: "INSERT OR REPLACE INTO grammars (round, text) VALUES (?, ?)", arguments: [round, StoredValue.binding(text)]) }
    }

    public func rankerData(round: Int) throws(RunStoreError) -> Data? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT rowid AS storedRow, data FROM rankers WHERE round = ?", arguments: [round]).map { row in
                try value(row, table: "rankers", label: "round \(round)").data("data")
            }
        }
    }

    /// The finished rounds, in order: rounds 0, 1, 2, … without a gap (a run finishes them in
    /// that order; any other set is a damaged store).
    public func finishedRounds() throws(RunStoreError) -> [RoundSummary] {
        try read { db in
            // A store of schema v3 or before, read without migrating it, has no validation figures.
            let hasValidation = try db.columns(in: "rounds").contains { $0.name == "validationSolved" }
            return try Row.fetchAll(db, sql: "SELECT rowid AS storedRow, * FROM rounds ORDER BY round").enumerated().map { index, row in
                let stored = value(row, table: "rounds")
                let round = try stored.int("round")
                guard round == index else {
                    throw damaged("table rounds, \(stored.label): round \(round) where round \(index) was expected (rounds are finished in order from 0)")
                }
                var summary = RoundSummary(
                    round: round, trainSolved: try stored.count("trainSolved"), trainTotal: try stored.count("trainTotal"),
                    testSolved: try stored.count("testSolved"), testTotal: try stored.count("testTotal"),
                    newAbstractions: try stored.count("newAbstractions"), librarySize: try stored.count("librarySize"),
                    seconds: try stored.double("seconds"), medianCandidatesTest: try stored.optionalDouble("medianCandidatesTest"))
                if hasValidation {
                    summary.validationSolved = try stored.optionalCount("validationSolved")
                    summary.validationTotal = try stored.optionalCount("validationTotal")
                    summary.medianSecondsTest = try stored.optionalDouble("medianSecondsTest")
                }
                return summary
            }
        }
    }

    /// The abstractions learned up to and including those for `round`'s wake.
    public func abstractions(upTo round: Int? = nil) throws(RunStoreError) -> [StoredAbstraction] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT rowid AS storedRow, * FROM abstractions WHERE round <= ? ORDER BY round, name", arguments: [round ?? Int.max]).map { row in
                let stored = value(row, table: "abstractions")
                return StoredAbstraction(
                    name: try stored.text("name"), round: try stored.count("round"), body: try stored.text("body"), pattern: try stored.text("pattern"),
                    type: try stored.text("type"), arity: try stored.count("arity"), uses: try stored.count("uses"), utility: try stored.int("utility"))
            }
        }
    }

    /// Where round `round`'s time went: its sleep's parts, and each task's search in parts
    /// (by task id); empty for a store from before they were recorded. A part this version
    /// does not know is left out.
    public func timings(round: Int) throws(RunStoreError) -> (sleep: Timings, searches: [Int64: Timings]) {
        try read { db in
            var sleep = Timings()
            var searches: [Int64: Timings] = [:]
            guard try db.tableExists("timings") else { return (sleep, searches) }
            for row in try Row.fetchAll(db, sql: "SELECT rowid AS storedRow, task, part, seconds FROM timings WHERE round = ?", arguments: [round]) {
                let stored = value(row, table: "timings", label: "round \(round)")
                guard let part = Timings.Part(rawValue: try stored.text("part")) else { continue }
                if let task = try stored.optionalInt64("task") {
                    searches[task, default: Timings()].add(part, try stored.double("seconds"))
                } else {
                    sleep.add(part, try stored.double("seconds"))
                }
            }
            return (sleep, searches)
        }
    }

    /// Writes where a task's search (`task`) or a round's sleep (`nil`) spent its time, in
    /// place of what was written for it before.
    private func writeTimings(_ timings: Timings, round: Int, task: Int64?, in db: Database) throws {
        try db.execute(sql: "DELETE FROM timings WHERE round = ? AND task IS ?", arguments: [round, task])
        for (part, seconds) in timings.parts {
            try db.execute(sql: "INSERT INTO timings (round, task, part, seconds) VALUES (?, ?, ?, ?)",
                           arguments: [round, task, part.rawValue, seconds])
        }
    }

    /// The search configuration `domain`'s tasks searched with in round `round` (the latest
    /// stored at or before it), as stored; `nil` when none is (the defaults).
    public func configurationText(round: Int, domain: String) throws(RunStoreError) -> String? {
        try read { db in
            guard try db.tableExists("configurations") else { return nil }
            return try Row.fetchOne(db, sql: "SELECT rowid AS storedRow, round, text FROM configurations WHERE domain = ? AND round <= ? ORDER BY round DESC LIMIT 1",
                                    arguments: [domain, round]).map { row in
                try value(row, table: "configurations", label: "round \(round), domain \(domain)").text("text")
            }
        }
    }

    /// Records the search configuration of `domain` for round `round`, unless one is recorded.
    public func saveConfiguration(_ text: String, round: Int, domain: String) throws(RunStoreError) {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO configurations (round, domain, text) VALUES (?, ?, ?)",
                           arguments: [round, domain, StoredValue.binding(text)])
        }
    }

    /// Appends an event to the run's log.
    public func log(_ message: String, round: Int?) throws(RunStoreError) {
        try write { db in
            try db.execute(sql: "INSERT INTO events (time, round, message) VALUES (?, ?, ?)", arguments: [Date().timeIntervalSince1970, round, StoredValue.binding(message)])
        }
    }
}

extension RunStore {
    /// Every solution in the store as `round task rank program` lines, for checks and exports.
    public func solutionLines() throws(RunStoreError) -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT rowid AS storedRow, round, task, rank, program FROM solutions ORDER BY round, task, rank").map { row in
                let stored = value(row, table: "solutions")
                return "\(try stored.int("round")) \(try stored.int64("task")) \(try stored.int("rank")) \(try stored.text("program"))"
            }
        }
    }
}

extension RunStore {
    /// A row of `table` to decode, labelled by its rowid (or `label`) in messages.
    func value(_ row: Row, table: String, label: String? = nil) -> StoredValue {
        StoredValue(row, table: table, label: label ?? "row \(Int64.fromDatabaseValue((row["storedRow"] as DatabaseValue?) ?? .null).map(String.init) ?? "?")", file: path)
    }

    /// A damaged store, in a message naming it.
    func damaged(_ what: String) -> RunStoreError {
        RunStoreError(file: path, message: "the run store is damaged: \(what)")
    }

    /// A frontier program of a `solutions` row.
    private func program(_ stored: StoredValue) throws(RunStoreError) -> StoredProgram {
        StoredProgram(program: try stored.text("program"), logPrior: try stored.double("logPrior"), logLikelihood: try stored.double("logLikelihood"),
                      form: try stored.optionalText("form"), content: try stored.optionalText("content"))
    }

    /// The solutions stored without a structured form (by a version before it), each with its
    /// row id and task.
    func solutionsWithoutForm() throws(RunStoreError) -> [(row: Int64, task: Int64, answer: StoredProgram)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT rowid AS storedRow, task, program, logPrior, logLikelihood, form, content FROM solutions WHERE form IS NULL")
                .map { row in
                    let stored = value(row, table: "solutions")
                    return (try stored.int64("storedRow"), try stored.int64("task"), try program(stored))
                }
        }
    }

    /// Sets the structured form of solutions stored without one, in one transaction.
    func setForms(_ upgraded: [(row: Int64, answer: StoredProgram)]) throws(RunStoreError) {
        try write { db in
            for (row, answer) in upgraded {
                try db.execute(sql: "UPDATE solutions SET form = ?, content = ? WHERE rowid = ?",
                               arguments: [StoredValue.binding(answer.form), StoredValue.binding(answer.content), row])
            }
        }
    }
}
