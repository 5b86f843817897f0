import Language

extension ExampleTask {
    /// About how many bytes the task's examples take (`Value.memoryFootprint` of every input
    /// and output): what a search holds before it builds anything.
    public var memoryFootprint: Int {
        examples.reduce(0) { total, example in
            example.inputs.reduce(total + example.output.memoryFootprint) { $0 + $1.memoryFootprint }
        }
    }
}
