import Domain
import Grammar
import Ranking
import Synthesis
import Tasks

extension Synthesizer {
    /// Solves `problem` with a grammar's weights as the bottom-up search's costs and its
    /// abstractions as extra productions (see `SyGuSLibraryExtension`), the weights first
    /// conditioned on the problem by `ranker` when there is one. Answers come back with every
    /// abstraction inlined: answers to the original problem, in its own grammar. Problems with
    /// several functions are solved as `solve(_:runDeadline:)` does, as is the run's deadline.
    ///
    /// With a `fallback`, that search gets `primaryShare` of the timeout, and when it finds
    /// nothing the rest goes to a search with `fallback`'s weights and library alone. Learned
    /// weights make some programs far cheaper and others far dearer; the second search keeps
    /// what `fallback` finds quickly within reach (DreamCoder's wake likewise enumerates under
    /// both the recognition model and the generative grammar). Candidates, seconds and
    /// iterations add up over both searches; the second search's time is timed as `fallback`.
    ///
    /// A contextual grammar's argument costs mix each slot's log-probabilities with the root's,
    /// `contextShare` of the slot's (see `SyGuSProblem.costs(of:from:contextShare:)`).
    public func solve(_ problem: SyGuSProblem, grammar: Grammar, ranker: Ranker? = nil, fallback: Grammar? = nil,
                      primaryShare: Double = 0.5, contextShare: Double = 0.5, runDeadline: ContinuousClock.Instant? = nil) -> SynthesisResult {
        guard problem.functions.count == 1 else { return solve(problem, runDeadline: runDeadline) }
        guard let fallback else {
            return search(problem, grammar: grammar, ranker: ranker, contextShare: contextShare, runDeadline: runDeadline)
        }
        let start = ContinuousClock.now
        var primary = self
        primary.options.timeout = options.timeout * primaryShare
        let first = primary.search(problem, grammar: grammar, ranker: ranker, contextShare: contextShare, runDeadline: runDeadline)
        guard case .unknown(let reason) = first.status, reason != .runTimeLimit else { return first }
        var secondary = self
        secondary.options.timeout = options.timeout - (ContinuousClock.now - start)
        guard secondary.options.timeout > .zero else { return first }
        var second = secondary.search(problem, grammar: fallback, ranker: nil, contextShare: contextShare, runDeadline: runDeadline)
        second.timings = second.timings.moving(.search, to: .fallback)
        second.candidates += first.candidates
        second.seconds += first.seconds
        second.iterations += first.iterations
        second.timings.add(first.timings)
        second.bank = max(first.bank ?? 0, second.bank ?? 0)
        return second
    }

    /// One search of a single-function problem with `grammar`'s weights (conditioned by `ranker`) and library.
    private func search(_ problem: SyGuSProblem, grammar: Grammar, ranker: Ranker?, contextShare: Double,
                        runDeadline: ContinuousClock.Instant?) -> SynthesisResult {
        var inference = Timings()
        let weights = ranker.map { ranker in
            inference.measure(.inference) { ranker.grammar(for: TaskFeatures.vector(of: problem), base: grammar) }
        } ?? grammar
        let library = problem.extended(with: grammar)
        let extended = library.problem
        var solver = self
        solver.options.costs = { searched in extended.costs(of: searched, from: weights, contextShare: contextShare) }
        var result = solver.solve(extended, runDeadline: runDeadline)
        result.timings.add(inference)
        result.seconds += inference.seconds[.inference] ?? 0
        guard case .solved(let bodies) = result.status else { return result }
        var answers: [Int: Tasks.Expression] = [:]
        for (function, body) in bodies {
            let inlined = library.inlined(body)
            if inlined != body && problem.functions[function].grammar.addingConstants(of: problem).derivation(of: inlined) == nil {
                result.status = .unknown(.other("internal error: an answer found with the library, \(problem.text(of: inlined, function: function)), is not in the problem's grammar"))
                return result
            }
            answers[function] = inlined
        }
        result.status = .solved(answers)
        return result
    }
}
