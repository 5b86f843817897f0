import Foundation

/// Runs blocking work items on dedicated threads (never on Swift's cooperative pool, which
/// long Z3 calls would starve), at most `jobs` at a time.
public enum ParallelWork {
    /// The shared queue position and results, guarded by `lock`.
    private final class State<Result>: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var finished = 0
        var results: [Result?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
    }

    /// Runs `work(0)` … `work(count - 1)` on up to `jobs` threads and returns their results in order.
    public static func run<Result: Sendable>(count: Int, jobs: Int, _ work: @escaping @Sendable (Int) -> Result) -> [Result] {
        run(count: count, jobs: jobs) { index, _ in work(index) }
    }

    /// Runs `work(i, board)` for `i` in `0 ..< count` on `jobs` threads; a thread that finds
    /// no work item left helps the searches the others post on `board` until every item is
    /// done.
    public static func run<Result: Sendable>(count: Int, jobs: Int, _ work: @escaping @Sendable (Int, HelpBoard) -> Result) -> [Result] {
        let state = State<Result>(count: count)
        let board = HelpBoard()
        let group = DispatchGroup()
        // `jobs` threads even for fewer items: the others help.
        for _ in 0..<(count == 0 ? 0 : jobs) {
            group.enter()
            let thread = Thread {
                while true {
                    state.lock.lock()
                    let index = state.next
                    state.next += 1
                    state.lock.unlock()
                    if index >= count { break }
                    let result = work(index, board)
                    state.lock.lock()
                    state.results[index] = result
                    state.finished += 1
                    let allDone = state.finished == count
                    state.lock.unlock()
                    if allDone { board.close() }
                }
                board.serve()
                group.leave()
            }
            thread.stackSize = 64 << 20
            thread.start()
        }
        group.wait()
        return state.results.map { $0! }
    }
}
