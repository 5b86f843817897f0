extension Program: CustomStringConvertible {
    /// The S-expression spelling: `(lambda (map (lambda (+ $0 1)) $0))`; application spines
    /// print flat, `(f x y)`; abstractions print by name.
    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    private func write(to text: inout String) {
        switch self {
        case .primitive(let p):
            if case .constant(.string(let s)) = p.implementation {
                text += s.literal
            } else {
                text += p.name
            }
        case .invented(let a): text += a.name
        case .variable(let i): text += "$\(i)"
        case .lambda(let body):
            text += "(lambda "
            body.write(to: &text)
            text += ")"
        case .apply:
            let (head, arguments) = spine
            text += "("
            head.write(to: &text)
            for argument in arguments {
                text += " "
                argument.write(to: &text)
            }
            text += ")"
        }
    }
}
