/// The grammars that ship with Ouroboros — the files of `Grammars/` (`bitvec`, `lia`, `lists`,
/// `strings`) — carried in the binary, so that a command finds them by name from any folder:
/// `--grammar lists` is the bundled lists grammar, while a path names a file.
///
/// `scripts/embed-grammars` writes their texts (`BundledGrammars+Texts.swift`) from the files;
/// a test fails while the two disagree.
public enum BundledGrammars {
    /// The bundled grammars' names, sorted.
    public static var names: [String] { texts.keys.sorted() }

    /// The text of the bundled grammar `name`, as in `Grammars/NAME.grammar`.
    public static func text(named name: String) -> String? {
        texts[name].map { $0 + "\n" }
    }

    /// The bundled grammar `name`, read.
    public static func grammar(named name: String) -> Grammar? {
        text(named: name).flatMap { try? Grammar(parsing: $0) }
    }
}
