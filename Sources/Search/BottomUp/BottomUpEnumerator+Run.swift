import Language
import Tasks

extension BottomUpEnumerator {
    /// The cost up to which `run` builds programs unless told otherwise.
    public static let defaultMaximumCost = 1_000

    /// Enumerates programs in increasing level (cost, without contextual costs), from the level after the last one finished,
    /// calling `onNew` for every program kept (of any nonterminal) until it returns `false`,
    /// the deadline passes, the bank is full, or every program up to `maximumCost` is built.
    ///
    /// A run that ends with `.stopped` leaves its level half done: the enumerator is spent.
    public func run(
        deadline: ContinuousClock.Instant? = nil, maximumCost: Int = defaultMaximumCost,
        onNew: (EntryID) -> Bool
    ) -> Outcome {
        var checkCountdown = 0
        while currentCost < maximumCost {
            let cost = currentCost + 1
            for nt in levels.indices where levels[nt].count <= cost {
                levels[nt].append(contentsOf: Array(repeating: [], count: cost + 1 - levels[nt].count))
            }
            for (ruleIndex, rule) in rules.enumerated() {
                let budget = cost - minimumCosts[ruleIndex]
                if budget < 0 || (rule.children.isEmpty && budget != 0) || (!rule.children.isEmpty && budget < rule.children.count) {
                    continue
                }
                var status: Outcome?
                var chosen = [Int32](repeating: 0, count: rule.children.count)
                chosen.withUnsafeMutableBufferPointer { chosen in
                    status = enumerate(ruleIndex, rule, inner: budget, budget: budget, child: 0, chosen: chosen,
                                       deadline: deadline, countdown: &checkCountdown, onNew: onNew)
                }
                if let status { return status }
            }
            currentCost = cost
        }
        return .exhausted
    }

    /// Fills child `child` onwards with entries whose costs as these arguments add up to `budget`.
    private func enumerate(
        _ ruleIndex: Int, _ rule: CompiledRule, inner: Int, budget: Int, child: Int,
        chosen: UnsafeMutableBufferPointer<Int32>, deadline: ContinuousClock.Instant?,
        countdown: inout Int, onNew: (EntryID) -> Bool
    ) -> Outcome? {
        let k = rule.children.count
        if child == k {
            candidates += 1
            countdown -= 1
            if countdown <= 0 {
                countdown = 2_048
                if let deadline, ContinuousClock.now >= deadline { return .timeLimit }
                if bytesUsed > memoryLimit { return .memoryLimit }
            }
            if CandidateSample.times(candidates) {
                return timedCandidate(ruleIndex, rule, inner: inner, children: UnsafePointer(chosen.baseAddress!), onNew: onNew)
            }
            if let id = tryCandidate(ruleIndex, rule, inner: inner, children: UnsafePointer(chosen.baseAddress!)) {
                if !onNew(id) { return .stopped }
            }
            return nil
        }
        let remainingChildren = k - child - 1
        // The last child takes what is left; the others each take 1 … what leaves 1 per child after them.
        let lowest = remainingChildren == 0 ? budget : 1
        var c = lowest
        while c <= budget - remainingChildren {
            if let choices = argumentChoices[ruleIndex][child] {
                for choice in choices {
                    let childInner = c - Int(choice.cost)
                    if childInner < 0 { break }
                    // Only the innermost array is held while deeper calls add entries (no copy on write).
                    guard childInner < levelsByRule[Int(choice.rule)].count else { continue }
                    let ids = levelsByRule[Int(choice.rule)][childInner]
                    for id in ids {
                        chosen[child] = id
                        if let status = enumerate(ruleIndex, rule, inner: inner, budget: budget - c, child: child + 1,
                                                  chosen: chosen, deadline: deadline, countdown: &countdown, onNew: onNew) {
                            return status
                        }
                    }
                }
            } else {
                let nt = rule.children[child]
                if c < levels[nt].count {
                    let ids = levels[nt][c]
                    for id in ids {
                        chosen[child] = id
                        if let status = enumerate(ruleIndex, rule, inner: inner, budget: budget - c, child: child + 1,
                                                  chosen: chosen, deadline: deadline, countdown: &countdown, onNew: onNew) {
                            return status
                        }
                    }
                }
            }
            c += 1
        }
        return nil
    }

    /// `tryCandidate` and `onNew` with their time added to `sample`: the evaluation (what
    /// `onNew` does with a new program, checking it against the examples, counts as evaluation)
    /// and the comparison with the programs kept.
    private func timedCandidate(_ ruleIndex: Int, _ rule: CompiledRule, inner: Int, children: UnsafePointer<Int32>,
                                onNew: (EntryID) -> Bool) -> Outcome? {
        let start = ContinuousClock.now
        var marks = SampleMarks(start: start)
        let id = tryCandidate(ruleIndex, rule, inner: inner, children: children, marks: &marks)
        let stored = ContinuousClock.now
        let keepsGoing = id.map(onNew) ?? true
        let checked = ContinuousClock.now
        let evaluated = marks.evaluated ?? stored
        sample.add(evaluation: CandidateSample.seconds(from: start, to: evaluated) + CandidateSample.seconds(from: stored, to: checked),
                   deduplication: CandidateSample.seconds(from: evaluated, to: stored))
        return keepsGoing ? nil : .stopped
    }

    /// When a timed candidate's evaluation ended (`nil` when it ended without one, as the
    /// candidate's evaluation failed).
    struct SampleMarks {
        var start: ContinuousClock.Instant
        var evaluated: ContinuousClock.Instant?
    }

    /// Builds the program of `rule` over `children`, evaluates it, and keeps it if its
    /// outputs are new for its nonterminal. With `marks`, notes when the evaluation ended.
    private func tryCandidate(_ ruleIndex: Int, _ rule: CompiledRule, inner: Int, children: UnsafePointer<Int32>,
                              marks: UnsafeMutablePointer<SampleMarks>? = nil) -> EntryID? {
        let n = exampleCount
        let nt = rule.nonterminal
        let kind = kinds[nt]
        let id = Int32(entries.count)
        if kind.isWord {
            words.reserve(n)
            let destination = words.base + words.count
            guard execute(rule, children, wordDestination: destination) else { return nil }
            marks?.pointee.evaluated = ContinuousClock.now
            let hash = VectorHash.words(destination, n)
            let base = words.base
            let inserted = outputSets[nt].insert(id, hash: hash) { other in
                let slot = Int(entries[Int(other)].slot)
                return memcmp(base + slot * n, destination, n * 8) == 0
            }
            guard inserted else { return nil }
            words.count += n
            commit(ruleIndex, rule, inner: inner, children: children, slot: wordSlots)
            wordSlots += 1
        } else {
            guard execute(rule, children, wordDestination: nil) else { return nil }
            marks?.pointee.evaluated = ContinuousClock.now
            let result = rule.result
            var hash = VectorHash.seed
            var total = 0
            for i in 0..<n {
                let s = codePoints(result, children, i)
                VectorHash.mix(&hash, s)
                total += s.count
            }
            // Past 2^31 code points (8 GiB, far beyond `memoryLimit`) a string has no range; the next check stops the run.
            guard codes.count + total <= Int(Int32.max) else { return nil }
            let inserted = outputSets[nt].insert(id, hash: hash) { other in
                let start = Int(entries[Int(other)].slot) * n
                for i in 0..<n {
                    let stored = stringRanges[start + i], s = codePoints(result, children, i)
                    guard Int(stored.count) == s.count, Self.same(codes.base + Int(stored.start), s.baseAddress!, s.count) else { return false }
                }
                return true
            }
            guard inserted else { return nil }
            if case .temporary = result {
                // Computed strings move from the scratch space into the bank.
                codes.reserve(total)
                for i in 0..<n { storeInBank(codePoints(result, children, i)) }
            } else {
                // A child, input or constant: the bank already holds its strings.
                for i in 0..<n {
                    let s = codePoints(result, children, i)
                    stringRanges.append(StringRange(start: Int32(s.baseAddress! - UnsafePointer(codes.base)), count: Int32(s.count)))
                }
            }
            commit(ruleIndex, rule, inner: inner, children: children, slot: stringSlots)
            stringSlots += 1
        }
        return EntryID(raw: id)
    }

    private func commit(_ ruleIndex: Int, _ rule: CompiledRule, inner: Int, children: UnsafePointer<Int32>, slot: Int) {
        let id = Int32(entries.count)
        entries.append(Entry(rule: Int32(ruleIndex), inner: Int32(inner), firstChild: Int32(childIDs.count), slot: Int32(slot)))
        for j in 0..<rule.children.count { childIDs.append(children[j]) }
        let cost = inner + rule.cost
        let nt = rule.nonterminal
        if levels[nt].count <= cost { levels[nt].append(contentsOf: Array(repeating: [], count: cost + 1 - levels[nt].count)) }
        levels[nt][cost].append(id)
        if levelsByRule[ruleIndex].count <= inner {
            levelsByRule[ruleIndex].append(contentsOf: Array(repeating: [], count: inner + 1 - levelsByRule[ruleIndex].count))
        }
        levelsByRule[ruleIndex][inner].append(id)
    }
}

import Foundation
