import Foundation

/// Work that threads other than its own may join while it runs: `help()` lends the calling
/// thread to it until it ends (a search that splits its space among whoever asks).
public protocol JoinableWork: AnyObject, Sendable {
    /// Works on it with the calling thread; returns once there is nothing left to share.
    @discardableResult func help() -> Bool
}

/// Where searches that other threads can join are posted while they run, so that a thread
/// with no task of its own left helps one that is still searching (the last tasks of a
/// batch, or one hard task with several jobs).
///
/// The oldest search still running is helped first: the longest-running is most likely the
/// one the batch waits for.
public final class HelpBoard: @unchecked Sendable {
    private let condition = NSCondition()
    private var searches: [any JoinableWork] = []
    private var closed = false

    public init() {}

    /// Offers `search` to idle threads until it is withdrawn.
    public func post(_ search: any JoinableWork) {
        condition.lock()
        searches.append(search)
        condition.broadcast()
        condition.unlock()
    }

    public func withdraw(_ search: any JoinableWork) {
        condition.lock()
        searches.removeAll { $0 === search }
        condition.unlock()
    }

    /// Ends `serve()` in every thread: no more searches will be posted.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Helps the posted searches, one after another, until the board is closed.
    func serve() {
        var helped: [ObjectIdentifier] = []
        while true {
            condition.lock()
            var next: (any JoinableWork)?
            while true {
                next = searches.first { !helped.contains(ObjectIdentifier($0)) }
                if next != nil || closed { break }
                condition.wait()
            }
            condition.unlock()
            guard let search = next else { return }
            helped.append(ObjectIdentifier(search))
            search.help()
        }
    }
}
