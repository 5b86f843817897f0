import Foundation

/// What a chart's vertical axis counts, which sets its ticks and how its labels read.
enum ChartAxis {
    /// Counts: whole-number ticks, large ones as 12k or 1.5M.
    case count
    /// Seconds: milliseconds while the axis stays under a second (250 ms), seconds above.
    case seconds

    /// Up to five evenly spaced round ticks from 0 covering `largest`: steps of 1, 2, 2.5 or 5
    /// times a power of ten (whole steps for counts).
    func ticks(upTo largest: Double) -> [Double] {
        let largest = largest.isFinite && largest > 0 ? largest : 1
        let rough = largest / 4
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        var step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        if self == .count { step = max(1, step.rounded(.up)) }
        let count = Int((largest / step).rounded(.up))
        return (0...max(1, count)).map { Double($0) * step }
    }

    /// A value as a label, in the unit the axis's largest tick `scale` calls for (by default
    /// the value's own).
    func label(_ value: Double, scale: Double? = nil) -> String {
        guard value.isFinite else { return "–" }
        let scale = scale ?? value
        switch self {
        case .count:
            if scale >= 1_000_000 { return Self.short(value / 1_000_000) + "M" }
            if scale >= 10_000 { return Self.short(value / 1_000) + "k" }
            return Self.short(value)
        case .seconds:
            if scale < 1 { return Self.short(value * 1_000) + " ms" }
            return Self.short(value) + " s"
        }
    }

    /// Three significant digits at most, no trailing zeros: 12, 1.5, 0.25, 1234.
    private static func short(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 100 { return String(format: "%.0f", value) }
        let text = String(format: abs(value) >= 10 ? "%.1f" : (abs(value) >= 1 ? "%.2f" : "%.3g"), value)
        guard text.contains("."), !text.contains("e") else { return text }
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }
}

extension RunReport {
    /// A line chart as inline SVG: one point per round, evenly spaced; the vertical axis's
    /// ticks and labels by `axis`, inside the picture.
    static func chart(_ title: String, x rounds: [Int], axis: ChartAxis, series: [(name: String, color: String, values: [Double])]) -> String {
        let width = 500.0, height = 240.0, left = 62.0, right = 16.0, top = 24.0, bottom = 34.0
        let ticks = axis.ticks(upTo: series.flatMap(\.values).filter(\.isFinite).max() ?? 1)
        let maxY = ticks.last ?? 1
        let spacing = (width - left - right) / Double(max(1, rounds.count - 1))
        func px(_ index: Int) -> Double { rounds.count == 1 ? (left + width - right) / 2 : left + Double(index) * spacing }
        func py(_ v: Double) -> Double { height - bottom - (v.isFinite ? min(max(v, 0), maxY) : 0) / maxY * (height - top - bottom) }
        var svg = "<figure><figcaption>\(escape(title))</figcaption><svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(escape(title))\">\n"
        svg += "<line x1=\"\(left)\" y1=\"\(py(0))\" x2=\"\(width - right)\" y2=\"\(py(0))\" stroke=\"#888\"/><line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(py(0))\" stroke=\"#888\"/>\n"
        for value in ticks {
            svg += "<text x=\"\(left - 6)\" y=\"\(py(value) + 4)\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">\(escape(axis.label(value, scale: maxY)))</text>"
            svg += "<line x1=\"\(left)\" y1=\"\(py(value))\" x2=\"\(width - right)\" y2=\"\(py(value))\" stroke=\"#eee\"/>\n"
        }
        // At most about twelve round labels, so that they never run into each other.
        let every = max(1, (rounds.count + 11) / 12)
        for (index, round) in rounds.enumerated() where index % every == 0 || index == rounds.count - 1 {
            svg += "<text x=\"\(px(index))\" y=\"\(height - bottom + 16)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">\(round)</text>\n"
        }
        svg += "<text x=\"\((left + width - right) / 2)\" y=\"\(height - 4)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">round</text>\n"
        for (index, line) in series.enumerated() {
            let points = line.values.indices.map { "\(px($0)),\(py(line.values[$0]))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2.5\" points=\"\(points)\"/>\n"
            for (position, value) in line.values.enumerated() where position < rounds.count {
                svg += "<circle cx=\"\(px(position))\" cy=\"\(py(value))\" r=\"3.5\" fill=\"\(line.color)\"><title>\(escape(line.name)) round \(rounds[position]): \(escape(axis.label(value)))</title></circle>\n"
            }
            svg += "<text x=\"\(left + 10 + Double(index) * 110)\" y=\"\(top - 8)\" font-size=\"12\" fill=\"\(line.color)\">■ \(escape(line.name))</text>\n"
        }
        return svg + "</svg></figure>\n"
    }
}
