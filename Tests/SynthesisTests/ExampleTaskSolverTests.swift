import Domains
import Grammar
import Language
import Testing
import TestSupport

@Suite struct ExampleTaskSolverTests {
    static let grammar = try! Grammar(parsing: try! TestSupport.text("Grammars/lists.grammar"))

    static func task(named name: String, in file: String) throws -> ExampleTask {
        let tasks = try ExampleTask.readAll(json: try TestSupport.text(file))
        return try #require(tasks.first { $0.name == name })
    }

    @Test(arguments: [("sum", "Problems/lists/train/aggregates.json"), ("head", "Problems/lists/train/aggregates.json")])
    func findsProgramsThatReproduceEveryExample(name: String, file: String) throws {
        var solver = ExampleTaskSolver()
        solver.timeout = .seconds(30)
        let task = try Self.task(named: name, in: file)
        let result = solver.solve(task, grammar: Self.grammar)
        #expect(result.solved)
        #expect(result.candidates > 0)
        for entry in result.frontier {
            #expect(entry.logLikelihood == 0)
            #expect(Self.grammar.logPrior(of: entry.program, request: task.request).map { abs($0 - entry.logPrior) < 1e-9 } == true)
            for example in task.examples {
                #expect(try Evaluator().run(entry.program, on: example.inputs) == example.output)
            }
        }
        // The frontier is ordered best first.
        for (a, b) in zip(result.frontier, result.frontier.dropFirst()) { #expect(a.logPrior >= b.logPrior) }
    }

    /// A task with one long list: its values count against the memory limit.
    static func longListTask(_ count: Int) -> ExampleTask {
        ExampleTask(name: "long", request: .arrow(.list(.int), .int), examples: [
            ExampleTask.Example(inputs: [.list((0..<count).map(Value.int))], output: .int(count * (count - 1) / 2)),
            ExampleTask.Example(inputs: [.list([.int(1), .int(2), .int(3)])], output: .int(6)),
        ])
    }

    @Test func aTaskWhoseExamplesPassTheMemoryLimitEndsAtOnce() throws {
        var solver = ExampleTaskSolver()
        solver.timeout = .seconds(2)
        solver.memoryLimit = 1 << 20
        let result = solver.solve(Self.longListTask(50_000), grammar: Self.grammar)
        #expect(!result.solved)
        #expect(result.candidates == 0)
        #expect(result.reason == "the task's examples take 1.1 MiB, more than the memory limit of 1 MiB")
    }

    @Test func sumIsAFoldWithAddition() throws {
        var solver = ExampleTaskSolver()
        solver.timeout = .seconds(30)
        let result = solver.solve(try Self.task(named: "sum", in: "Problems/lists/train/aggregates.json"), grammar: Self.grammar)
        #expect(result.frontier.first?.program.description == "(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))")
    }

    @Test func frontierKeepsAtMostItsSize() throws {
        var solver = ExampleTaskSolver()
        solver.frontierSize = 2
        solver.frontierWindow = 10
        solver.timeout = .seconds(30)
        let result = solver.solve(try Self.task(named: "head", in: "Problems/lists/train/aggregates.json"), grammar: Self.grammar)
        #expect(result.frontier.count == 2)
        #expect(result.frontier.first?.program.description == "(lambda (car $0))")
    }
}
