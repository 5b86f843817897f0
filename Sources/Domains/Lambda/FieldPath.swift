import Language

/// Where a value sits inside a task object: `"examples"[2]."output"`.
struct FieldPath: CustomStringConvertible {
    enum Component {
        case key(String)
        case index(Int)
    }

    var components: [Component]

    init(_ key: String) { components = [.key(key)] }

    func appending(_ key: String) -> FieldPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    func appending(_ index: Int) -> FieldPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += (text.isEmpty ? "" : ".") + JSONValue.quoted(key)
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
