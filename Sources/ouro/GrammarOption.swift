import ArgumentParser

/// `--grammar G`, shared by every command that reads a grammar file: the grammar programs are
/// searched, run, sampled or typed in. What each command does with it is in its `--help`.
struct GrammarOption: ParsableArguments {
    @Option(help: ArgumentHelp("A bundled grammar's name (lists, bitvec, lia, strings), or else a grammar file's path, such as one `ouro library --export` or `ouro train --grammar-out` writes.", valueName: "grammar"))
    var grammar: String?
}
