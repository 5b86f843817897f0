/// The defaults the library's entry points and the command line share, declared once.
public enum Defaults {
    /// The memory bound of each task's search, in bytes: 1 GiB.
    public static let memoryLimit = 1 << 30
    /// How many programs a task's frontier keeps.
    public static let frontierSize = 5
    /// How many dreams the ranking model is trained on (per round in a bootstrap).
    public static let dreams = 1_000
    /// The most arguments a learned abstraction may take.
    public static let maximumArity = 3
}
