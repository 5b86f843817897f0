import Foundation
import Language

/// A multilayer perceptron with one hidden layer: `y = W2 · tanh(W1 · x + b1) + b2`.
///
/// Written for the ranking model, whose output layer is wide (one unit per contextual weight)
/// but whose loss touches few outputs per example: outputs are computed one row at a time and
/// the backward pass takes a sparse output gradient. Weights are stored row-major in flat
/// arrays so that the inner loops run over contiguous memory.
public struct NeuralNetwork: Sendable, Equatable {
    public let inputCount: Int
    public let hiddenCount: Int
    public let outputCount: Int
    /// `hiddenCount × inputCount`, then `hiddenCount`, `outputCount × hiddenCount`, `outputCount`.
    public var w1: [Double], b1: [Double], w2: [Double], b2: [Double]

    /// Glorot-uniform weights from `seed`, zero biases (or `outputBias` for the output layer).
    public init(inputs: Int, hidden: Int, outputs: Int, seed: UInt64, outputBias: [Double]? = nil) {
        inputCount = inputs
        hiddenCount = hidden
        outputCount = outputs
        var random = SplitMix64(seed: seed)
        func uniform(_ limit: Double) -> Double {
            (Double(random.next() >> 11) / Double(1 << 53) * 2 - 1) * limit
        }
        let limit1 = (6.0 / Double(inputs + hidden)).squareRoot()
        let limit2 = (6.0 / Double(hidden + outputs)).squareRoot() * 0.1
        w1 = (0..<(hidden * inputs)).map { _ in uniform(limit1) }
        b1 = [Double](repeating: 0, count: hidden)
        w2 = (0..<(outputs * hidden)).map { _ in uniform(limit2) }
        b2 = outputBias ?? [Double](repeating: 0, count: outputs)
        precondition(b2.count == outputs, "one output bias per output")
    }

    public init(inputs: Int, hidden: Int, outputs: Int, w1: [Double], b1: [Double], w2: [Double], b2: [Double]) {
        inputCount = inputs
        hiddenCount = hidden
        outputCount = outputs
        self.w1 = w1
        self.b1 = b1
        self.w2 = w2
        self.b2 = b2
    }

    /// The hidden layer's activations for input `x`.
    public func hidden(_ x: [Double]) -> [Double] {
        var h = b1
        w1.withUnsafeBufferPointer { w in
            for j in 0..<hiddenCount {
                var sum = h[j]
                let row = j * inputCount
                for i in 0..<inputCount { sum += w[row + i] * x[i] }
                h[j] = tanh(sum)
            }
        }
        return h
    }

    /// Output `row` given the hidden activations.
    public func output(_ row: Int, hidden h: [Double]) -> Double {
        var sum = b2[row]
        let start = row * hiddenCount
        w2.withUnsafeBufferPointer { w in
            for j in 0..<hiddenCount { sum += w[start + j] * h[j] }
        }
        return sum
    }

    /// Every output for input `x`.
    public func outputs(_ x: [Double]) -> [Double] {
        let h = hidden(x)
        return (0..<outputCount).map { output($0, hidden: h) }
    }

    /// Gradients of a loss with respect to every parameter, in the parameters' layout.
    public struct Gradient: Sendable {
        public var w1: [Double], b1: [Double], w2: [Double], b2: [Double]

        public init(like network: NeuralNetwork) {
            w1 = [Double](repeating: 0, count: network.w1.count)
            b1 = [Double](repeating: 0, count: network.b1.count)
            w2 = [Double](repeating: 0, count: network.w2.count)
            b2 = [Double](repeating: 0, count: network.b2.count)
        }

        mutating func add(_ other: Gradient) {
            for i in w1.indices { w1[i] += other.w1[i] }
            for i in b1.indices { b1[i] += other.b1[i] }
            for i in w2.indices { w2[i] += other.w2[i] }
            for i in b2.indices { b2[i] += other.b2[i] }
        }
    }

    /// Adds to `gradient` the gradient of a loss whose derivative with respect to the outputs
    /// is `outputGradient` (rows not listed have derivative 0), at input `x` with hidden `h`.
    public func backpropagate(x: [Double], hidden h: [Double], outputGradient: [(row: Int, value: Double)], into gradient: inout Gradient) {
        var dh = [Double](repeating: 0, count: hiddenCount)
        for (row, g) in outputGradient where g != 0 {
            gradient.b2[row] += g
            let start = row * hiddenCount
            for j in 0..<hiddenCount {
                gradient.w2[start + j] += g * h[j]
                dh[j] += g * w2[start + j]
            }
        }
        for j in 0..<hiddenCount {
            let dz = dh[j] * (1 - h[j] * h[j])
            if dz == 0 { continue }
            gradient.b1[j] += dz
            let row = j * inputCount
            for i in 0..<inputCount { gradient.w1[row + i] += dz * x[i] }
        }
    }
}

/// Adam (Kingma and Ba, 2015) over a network's parameters.
public struct AdamOptimizer: Sendable {
    public var learningRate: Double
    public var beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8
    private var m: NeuralNetwork.Gradient
    private var v: NeuralNetwork.Gradient
    private var step = 0

    public init(for network: NeuralNetwork, learningRate: Double = 1e-3) {
        self.learningRate = learningRate
        m = NeuralNetwork.Gradient(like: network)
        v = NeuralNetwork.Gradient(like: network)
    }

    /// One step against `gradient` (the gradient of the loss to minimise).
    public mutating func update(_ network: inout NeuralNetwork, with gradient: NeuralNetwork.Gradient) {
        step += 1
        let correction1 = 1 - pow(beta1, Double(step)), correction2 = 1 - pow(beta2, Double(step))
        let rate = learningRate * correction2.squareRoot() / correction1
        func apply(_ parameters: inout [Double], _ g: [Double], _ m: inout [Double], _ v: inout [Double]) {
            for i in parameters.indices {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                parameters[i] -= rate * m[i] / (v[i].squareRoot() + epsilon)
            }
        }
        apply(&network.w1, gradient.w1, &m.w1, &v.w1)
        apply(&network.b1, gradient.b1, &m.b1, &v.b1)
        apply(&network.w2, gradient.w2, &m.w2, &v.w2)
        apply(&network.b2, gradient.b2, &m.b2, &v.b2)
    }
}
