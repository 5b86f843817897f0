import CZ3

extension Solver {
    /// Decides the current assertions by `deadline`: Z3's `timeout` is set to the time left,
    /// and a timer interrupts the check if it runs past the deadline all the same. A deadline
    /// already past gives `.unknown(reason: "timeout")` without asking Z3.
    ///
    /// The timeout set here stays set for later checks (as ``setTimeout(milliseconds:)`` does).
    public func check(deadline: ContinuousClock.Instant) throws(SMTError) -> CheckResult {
        let left = ContinuousClock.now.duration(to: deadline)
        let (seconds, attoseconds) = left.components
        let milliseconds = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
        guard milliseconds >= 1 else { return .unknown(reason: "timeout") }
        try setTimeout(milliseconds: min(milliseconds, Int(UInt32.max)))
        let timer = interruptTimer ?? InterruptTimer(context: context.raw)
        interruptTimer = timer
        timer.arm(deadline)
        defer { timer.disarm() }
        let result = try check()
        if case .unknown(let reason) = result, reason == "canceled" || reason == "interrupted" || reason == "interrupted from keyboard" {
            return .unknown(reason: "timeout")
        }
        return result
    }
}
