import Bootstrap

extension OutputFile {
    /// What every `-o/--output` option's help says about the path.
    static let optionDiscussion = """
        Written atomically (a new file renamed into place). A symbolic link is followed and its \
        target written; a directory, device, FIFO or socket is refused; a run store, or a file \
        this command reads, is not overwritten without --force.
        """

    /// The help of every command's `--force`.
    static let forceHelp = "Overwrite the output even when it is a run store or a file this command reads."
}
