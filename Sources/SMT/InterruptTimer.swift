import CZ3
import Foundation

/// Interrupts a context's running check at a deadline, from a thread of its own: the
/// backstop behind Z3's `timeout` parameter, which some tactics check only now and then.
///
/// One dedicated thread per timer, started on the first `arm`; a check runs between `arm`
/// and `disarm`, and `Z3_interrupt` (the one Z3 call meant for another thread) is sent only
/// while the timer is armed, under the lock that `disarm` takes, so it never reaches a later
/// check. The thread ends when the timer is released.
final class InterruptTimer: @unchecked Sendable {
    private let context: OpaquePointer
    private let condition = NSCondition()
    /// The deadline of the check under way, if any; guarded by `condition`.
    private var deadline: ContinuousClock.Instant?
    private var started = false
    private var finished = false
    /// Interrupts sent, for tests.
    private(set) var interrupts = 0

    init(context: OpaquePointer) {
        self.context = context
    }

    /// Interrupts the context's check if it is still running at `deadline`.
    func arm(_ deadline: ContinuousClock.Instant) {
        condition.lock()
        defer { condition.unlock() }
        self.deadline = deadline
        if !started {
            started = true
            let thread = Thread { [self] in watch() }
            thread.name = "z3-interrupt"
            thread.start()
        }
        condition.signal()
    }

    /// The check has returned: no interrupt may follow.
    func disarm() {
        condition.lock()
        deadline = nil
        condition.unlock()
    }

    /// Stops the thread; called when the solver goes away.
    func finish() {
        condition.lock()
        finished = true
        deadline = nil
        condition.signal()
        condition.unlock()
    }

    private func watch() {
        condition.lock()
        defer { condition.unlock() }
        while !finished {
            guard let deadline else {
                condition.wait()
                continue
            }
            let left = ContinuousClock.now.duration(to: deadline)
            if left <= .zero {
                Z3_interrupt(context)
                interrupts += 1
                self.deadline = nil
                continue
            }
            let (seconds, attoseconds) = left.components
            _ = condition.wait(until: Date(timeIntervalSinceNow: Double(seconds) + Double(attoseconds) * 1e-18))
        }
    }
}
