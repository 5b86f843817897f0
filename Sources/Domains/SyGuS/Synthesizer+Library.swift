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
    /// With a `fallback`, that search gets `primaryShare` of the timeout and a search with
    /// `fallback`'s weights and library alone the rest. Learned weights make some programs far
    /// cheaper and others far dearer; the second search keeps what `fallback` finds quickly
    /// within reach (DreamCoder's wake likewise enumerates under both the recognition model and
    /// the generative grammar). The two take turns: each first gets `probeShare` of its time,
    /// the guided search first, so that what either finds quickly is found quickly; then the
    /// guided search starts again with the rest of its share, and the second search takes the
    /// rest of the time (a search that ended for another reason than its time is not started
    /// again, and its time goes to the other). Candidates, seconds and iterations add up over
    /// the turns; the second search's time is timed as `fallback`, and `foundByFallback` says
    /// which found the answer.
    ///
    /// A contextual grammar's argument costs mix each slot's log-probabilities with the root's,
    /// `contextShare` of the slot's (see `SyGuSProblem.costs(of:from:contextShare:)`).
    public func solve(_ problem: SyGuSProblem, grammar: Grammar, ranker: Ranker? = nil, fallback: Grammar? = nil,
                      primaryShare: Double = 0.5, probeShare: Double = 0.1, contextShare: Double = 0.5,
                      runDeadline: ContinuousClock.Instant? = nil) -> SynthesisResult {
        guard problem.functions.count == 1 else { return solve(problem, runDeadline: runDeadline) }
        // The guided grammar is conditioned and extended once, whatever the turns.
        let guidedGrammar = prepare(problem, grammar: grammar, ranker: ranker)
        guard let fallback else {
            return guidedGrammar.counted(search(problem, guidedGrammar, contextShare: contextShare, runDeadline: runDeadline))
        }
        var fallbackGrammar: Prepared?  // prepared when the second search first takes its turn
        let start = ContinuousClock.now
        let guidedTime = options.timeout * primaryShare
        let turns: [(guided: Bool, timeout: Duration?)] = [
            (true, guidedTime * probeShare), (false, (options.timeout - guidedTime) * probeShare),
            (true, guidedTime * (1 - probeShare)), (false, nil),
        ]
        var total: SynthesisResult?
        var goesOn = (guided: true, second: true)
        for (guided, allotted) in turns where guided ? goesOn.guided : goesOn.second {
            var turn = self
            let left = options.timeout - (ContinuousClock.now - start)
            guard left > .zero else { break }
            turn.options.timeout = min(allotted ?? left, left)
            guard turn.options.timeout > .zero else { continue }
            if !guided && fallbackGrammar == nil { fallbackGrammar = prepare(problem, grammar: fallback, ranker: nil) }
            var found = turn.search(problem, guided ? guidedGrammar : fallbackGrammar!, contextShare: contextShare, runDeadline: runDeadline)
            if !guided { found.timings = found.timings.moving(.search, to: .fallback) }
            if let earlier = total {
                found.candidates += earlier.candidates
                found.seconds += earlier.seconds
                found.iterations += earlier.iterations
                found.timings.add(earlier.timings)
                found.bank = max(earlier.bank ?? 0, found.bank ?? 0)
            }
            total = found
            switch found.status {
            case .solved:
                found.foundByFallback = !guided
                return guidedGrammar.counted(found)
            case .infeasible, .unknown(.runTimeLimit): return guidedGrammar.counted(found)
            case .unknown(let reason) where reason.isTimeLimit: break
            case .unknown:
                // Stopped for a reason more time would not change (memory, an unsupported
                // construct): that search is done.
                if guided { goesOn.guided = false } else { goesOn.second = false }
            }
        }
        return guidedGrammar.counted(total ?? search(problem, guidedGrammar, contextShare: contextShare, runDeadline: runDeadline))
    }

    /// A grammar made ready to search a problem with: its weights (conditioned on the problem by
    /// a ranking model), the problem extended with its library, and the conditioning's time.
    private struct Prepared {
        var weights: Grammar
        var library: SyGuSLibraryExtension
        var inference: Timings

        /// `result` with the conditioning's time counted in its seconds and timings.
        func counted(_ result: SynthesisResult) -> SynthesisResult {
            var result = result
            result.timings.add(inference)
            result.seconds += inference.seconds[.inference] ?? 0
            return result
        }
    }

    private func prepare(_ problem: SyGuSProblem, grammar: Grammar, ranker: Ranker?) -> Prepared {
        var inference = Timings()
        let weights = ranker.map { ranker in
            inference.measure(.inference) { ranker.grammar(for: TaskFeatures.vector(of: problem), base: grammar) }
        } ?? grammar
        return Prepared(weights: weights, library: problem.extended(with: grammar), inference: inference)
    }

    /// One search of a single-function problem with a prepared grammar's weights and library.
    private func search(_ problem: SyGuSProblem, _ grammar: Prepared, contextShare: Double,
                        runDeadline: ContinuousClock.Instant?) -> SynthesisResult {
        let library = grammar.library
        let extended = library.problem
        let weights = grammar.weights
        var solver = self
        solver.options.costs = { searched in extended.costs(of: searched, from: weights, contextShare: contextShare) }
        var result = solver.solve(extended, runDeadline: runDeadline)
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
