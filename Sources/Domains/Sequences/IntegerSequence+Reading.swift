import Domain
import Language

extension IntegerSequence {
    /// Reads a sequence file: UTF-8 text, one sequence per line, its name, a colon and its
    /// terms a(0), a(1), … separated by commas (spaces optional).
    ///
    ///     # A000290: the squares
    ///     squares: 0, 1, 4, 9, 16, 25
    ///     fibonacci: 0,1,1,2,3,5,8,13   # A000045
    ///
    /// Blank lines are skipped and `#` starts a comment that runs to the end of its line, so a
    /// name holds no `#`. A name is the text before the first `:`, without the spaces around
    /// it, and is unique within the file. A term is a decimal integer of 64 bits, with an
    /// optional sign; a sequence has at least `minimumTerms` terms.
    ///
    /// Errors are `TaskReadError`s whose position is the line and column (counted in Unicode
    /// scalars from 1) of the offending text:
    ///
    ///     2:10: expected an integer, found "x"
    ///     4:1: missing ':' after the sequence's name (a line reads NAME: 1, 2, 3)
    ///     5:1: the name "squares" is already given on line 2
    ///
    /// A file with no sequence is an error without a position. Past `limits` (the time and
    /// memory reading may take) the error's `isOverLimit` is set.
    public static func readAll(_ text: String, limits: ReadingLimits = .none) throws(TaskReadError) -> [IntegerSequence] {
        var reader = SequenceReader(limits: limits, textBytes: text.utf8.count)
        try reader.checkMemory(at: SourcePosition(line: 1, column: 1))
        var number = 0
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var scalars = Array(line)
            if number == 1 && scalars.first == "\u{FEFF}" { scalars.removeFirst() }
            if scalars.last == "\r" { scalars.removeLast() }
            try reader.read(scalars, line: number)
        }
        if reader.sequences.isEmpty { throw TaskReadError("holds no sequence") }
        return reader.sequences
    }
}

/// Reads a sequence file line by line, keeping the names met and what reading costs.
private struct SequenceReader {
    let limits: ReadingLimits
    /// The bytes the text takes, counted against the memory limit.
    let textBytes: Int
    var sequences: [IntegerSequence] = []
    /// The line each name was given on.
    var lineOfName: [String: Int] = [:]
    /// Terms and lines read so far: what the memory limit and the deadline are checked by.
    var steps = 0

    init(limits: ReadingLimits, textBytes: Int) {
        self.limits = limits
        self.textBytes = textBytes
    }

    /// What one term costs: its integer, and its example in the task searched.
    static let bytesPerTerm = MemoryLayout<Int>.stride + MemoryLayout<ExampleTask.Example>.stride + 2 * MemoryLayout<Value>.stride

    /// Throws when the text and the terms read so far take more than the memory limit, or
    /// (looked at every 1,024 steps) the deadline has passed.
    func checkMemory(at position: SourcePosition) throws(TaskReadError) {
        guard limits.bytes < Int.max / 8 else { return }
        if textBytes + steps * Self.bytesPerTerm > limits.bytes {
            throw TaskReadError(limits.memoryMessage(), position: position, isOverLimit: true)
        }
    }

    mutating func step(at position: SourcePosition) throws(TaskReadError) {
        steps += 1
        try checkMemory(at: position)
        if steps & 1_023 == 0, let deadline = limits.deadline, ContinuousClock.now >= deadline {
            throw TaskReadError(ReadingLimits.timeMessage, position: position, isOverLimit: true)
        }
    }

    /// Reads one line (without its line break), `scalars`, the file's line `line`.
    mutating func read(_ line: [Unicode.Scalar], line number: Int) throws(TaskReadError) {
        func at(_ index: Int) -> SourcePosition { SourcePosition(line: number, column: index + 1) }
        try step(at: at(0))
        let scalars = line.firstIndex(of: "#").map { Array(line[..<$0]) } ?? line
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }) else { return }
        guard let colon = scalars.firstIndex(of: ":") else {
            throw TaskReadError("missing ':' after the sequence's name (a line reads NAME: 1, 2, 3)", position: at(first))
        }
        let name = Self.text(scalars, first..<colon)
        guard !name.isEmpty else { throw TaskReadError("missing the sequence's name before ':'", position: at(colon)) }
        if let earlier = lineOfName[name] {
            throw TaskReadError("the name \(JSONValue.quoted(name)) is already given on line \(earlier)", position: at(first))
        }
        var terms: [Int] = []
        var start = colon + 1
        while true {
            let end = scalars[start...].firstIndex(of: ",") ?? scalars.endIndex
            guard let termStart = scalars[start..<end].firstIndex(where: { !Self.isSpace($0) }) else {
                if terms.isEmpty && end == scalars.endIndex { break }
                throw TaskReadError("expected an integer, found \(end == scalars.endIndex ? "the end of the line" : "','")", position: at(end))
            }
            try step(at: at(termStart))
            terms.append(try Self.term(scalars, termStart..<end, at: at))
            if end == scalars.endIndex { break }
            start = end + 1
        }
        if terms.count < IntegerSequence.minimumTerms {
            let count = terms.isEmpty ? "none" : "\(terms.count)"
            throw TaskReadError("expected at least \(IntegerSequence.minimumTerms) terms for \(JSONValue.quoted(name)), found \(count)", position: at(first))
        }
        lineOfName[name] = number
        sequences.append(IntegerSequence(name: name, terms: terms))
    }

    /// The integer in `scalars[range]` (which starts with its first non-space scalar).
    static func term(_ scalars: [Unicode.Scalar], _ range: Range<Int>, at position: (Int) -> SourcePosition) throws(TaskReadError) -> Int {
        let text = Self.text(scalars, range)
        if let value = Int(text) { return value }
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        if !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit) {
            throw TaskReadError("the integer \(JSONValue.excerpt(text)) is outside the 64-bit range", position: position(range.lowerBound))
        }
        // Two integers with no comma between them: point at the second.
        if let gap = scalars[range].firstIndex(where: isSpace), let next = scalars[gap..<range.upperBound].firstIndex(where: { !isSpace($0) }),
           Int(Self.text(scalars, range.lowerBound..<gap)) != nil {
            throw TaskReadError("expected ',' between two terms", position: position(next))
        }
        throw TaskReadError("expected an integer, found \(JSONValue.quoted(JSONValue.excerpt(text)))", position: position(range.lowerBound))
    }

    /// `scalars[range]` as text, without the spaces around it.
    static func text(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var slice = scalars[range]
        while let last = slice.last, isSpace(last) { slice.removeLast() }
        while let first = slice.first, isSpace(first) { slice.removeFirst() }
        return String(String.UnicodeScalarView(slice))
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0 … 9.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
