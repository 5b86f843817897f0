import Domain
import Foundation
import Grammar

extension RunTasks {
    /// Task files read into a run's tasks, each by the first domain that reads it; tasks of
    /// several domains make a run of several domains.
    public struct Reader {
        private let domains: [any Domain]
        private var lists: [any TaskList] = []

        public init(domains: [any Domain]) {
            self.domains = domains
        }

        /// Reads the tasks in `text`, the content of `file`, into `split`.
        public mutating func add(_ text: String, file: String, split: Split) throws(TaskReadError) {
            let domain = try domain(reading: file, text: text, among: domains)
            if let index = lists.firstIndex(where: { $0.domainName == domain.name }) {
                try lists[index].add(text, file: file, split: split)
            } else {
                var list = Self.list(of: domain)
                try list.add(text, file: file, split: split)
                lists.append(list)
            }
        }

        private static func list<D: Domain>(of domain: D) -> any TaskList { TypedTaskList(domain: domain) }

        /// The tasks read, domain by domain in the order first met, a file given twice in one
        /// split counted once; a task in both splits is an error.
        public func tasks() throws(BootstrapError) -> RunTasks {
            var parts: [RunTasks] = []
            for list in lists { parts.append(try list.runTasks()) }
            return parts.count == 1 ? parts[0] : RunTasks(combining: parts)
        }

        /// The grammar the run starts from when the user names none: each domain's starting
        /// grammar for its tasks, with the productions of the later ones added to the first's.
        public func startingGrammar() -> Grammar? {
            let grammars = lists.map { $0.startingGrammar() }
            return grammars.first.map { grammars.dropFirst().reduce($0) { $0.adding(productionsOf: $1) } }
        }
    }
}

/// The tasks of one domain as they are read.
private protocol TaskList {
    var domainName: String { get }
    mutating func add(_ text: String, file: String, split: Split) throws(TaskReadError)
    func runTasks() throws(BootstrapError) -> RunTasks
    func startingGrammar() -> Grammar
}

private struct TypedTaskList<D: Domain>: TaskList {
    let domain: D
    var items: [(file: String, task: D.Task, split: Split)] = []

    var domainName: String { domain.name }

    mutating func add(_ text: String, file: String, split: Split) throws(TaskReadError) {
        items += try domain.tasks(in: text, file: file, limits: .none).map { (file, $0, split) }
    }

    func runTasks() throws(BootstrapError) -> RunTasks {
        var splits: [[String]: Split] = [:]
        var kept: [(file: String, task: D.Task, split: Split)] = []
        for item in items {
            let name = domain.name(of: item.task)
            let key = [URL(fileURLWithPath: item.file).standardizedFileURL.path, name]
            if let split = splits[key] {
                if split != item.split {
                    throw BootstrapError(message: "\(item.file): task \(name) is given for both the \(split.rawValue) and the \(item.split.rawValue) split; only train tasks are learned from, so a task can be in only one.")
                }
                continue
            }
            splits[key] = item.split
            kept.append(item)
        }
        return RunTasks(domain: domain, tasks: kept)
    }

    func startingGrammar() -> Grammar { domain.startingGrammar(for: items.map(\.task)) }
}
