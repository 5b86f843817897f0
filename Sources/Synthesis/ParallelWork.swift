import Foundation

/// Runs blocking work items on dedicated threads (never on Swift's cooperative pool, which
/// long Z3 calls would starve), at most `jobs` at a time.
public enum ParallelWork {
    /// The shared queue position and results, guarded by `lock`.
    private final class State<Result>: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var results: [Result?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
    }

    /// Runs `work(0)` … `work(count - 1)` on up to `jobs` threads and returns their results in order.
    public static func run<Result: Sendable>(count: Int, jobs: Int, _ work: @escaping @Sendable (Int) -> Result) -> [Result] {
        let state = State<Result>(count: count)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, count) {
            group.enter()
            let thread = Thread {
                while true {
                    state.lock.lock()
                    let index = state.next
                    state.next += 1
                    state.lock.unlock()
                    if index >= count { break }
                    let result = work(index)
                    state.lock.lock()
                    state.results[index] = result
                    state.lock.unlock()
                }
                group.leave()
            }
            thread.stackSize = 64 << 20
            thread.start()
        }
        group.wait()
        return state.results.map { $0! }
    }
}
