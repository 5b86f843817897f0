import Grammar

/// Tasks of one domain with the domain, whose types the caller does not see: what commands
/// that take task files of any domain do with them.
public struct TaskSet: Sendable {
    /// The domain's name.
    public let domainName: String
    /// The tasks' names, in order.
    public let names: [String]
    private let dreaming: @Sendable (_ keeping: Set<String>?, Grammar, _ count: Int, _ seed: UInt64) -> [DreamExample]

    public init<D: Domain>(domain: D, tasks: [D.Task]) {
        domainName = domain.name
        names = tasks.map(domain.name(of:))
        dreaming = { keeping, grammar, count, seed in
            let chosen = keeping.map { names in tasks.filter { names.contains(domain.name(of: $0)) } } ?? tasks
            return domain.dreams(over: chosen, grammar: grammar, count: count, seed: seed)
        }
    }

    /// Up to `count` dreams of `grammar` over the tasks (those named in `keeping`, when given).
    public func dreams(of grammar: Grammar, count: Int, seed: UInt64, keeping: Set<String>? = nil) -> [DreamExample] {
        dreaming(keeping, grammar, count, seed)
    }

    /// Reads task files, each by the first of `domains` that reads it, into one set per domain
    /// (in the order first met). `read` gives a file's text; a file no domain reads, or whose
    /// tasks do not read, throws the domain's error with the file.
    public static func read(_ files: [String], domains: [any Domain], text read: (String) throws -> String) throws -> [TaskSet] {
        var groups: [(domain: any Domain, texts: [(file: String, text: String)])] = []
        for file in files {
            let text = try read(file)
            guard let domain = domains.first(where: { $0.reads(file: file, text: text) }) else {
                throw TaskSetError(file: file, error: TaskReadError("no domain reads this file (\(domains.map(\.name).joined(separator: ", ")))"))
            }
            if let index = groups.firstIndex(where: { $0.domain.name == domain.name }) {
                groups[index].texts.append((file, text))
            } else {
                groups.append((domain, [(file, text)]))
            }
        }
        var sets: [TaskSet] = []
        for group in groups {
            let domain = group.domain
            sets.append(try set(of: domain, group.texts))
        }
        return sets
    }

    private static func set<D: Domain>(of domain: D, _ texts: [(file: String, text: String)]) throws -> TaskSet {
        var tasks: [D.Task] = []
        for (file, text) in texts {
            do {
                tasks += try domain.tasks(in: text, file: file, limits: .none)
            } catch {
                throw TaskSetError(file: file, error: error)
            }
        }
        return TaskSet(domain: domain, tasks: tasks)
    }
}

/// A task file that does not read, with its name.
public struct TaskSetError: Error, Sendable {
    public var file: String
    public var error: TaskReadError
}
