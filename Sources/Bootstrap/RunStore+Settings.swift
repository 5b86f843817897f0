import Foundation
import Grammar

extension RunStore {
    /// The settings of the bootstrap run this store holds (`nil` for a store no run has started
    /// in); settings that do not read are a damaged store.
    public func bootstrapSettings() throws(RunStoreError) -> BootstrapSettings? {
        guard let text = try settings()["settings"] else { return nil }
        guard let settings = try? JSONDecoder().decode(BootstrapSettings.self, from: Data(text.utf8)) else {
            throw RunStoreError(file: path, message: "the run store is damaged: table settings, key settings: the run's settings do not read")
        }
        return settings
    }

    /// The grammar the run started from (`nil` for a store no run has started in); a grammar
    /// that does not read is a damaged store.
    public func startingGrammar() throws(RunStoreError) -> Grammar? {
        guard let text = try settings()["grammar"] else { return nil }
        do {
            return try Grammar(parsing: text)
        } catch {
            throw RunStoreError(file: path, message: "the run store is damaged: table settings, key grammar (the starting grammar): the grammar does not read: \(error)")
        }
    }

    /// Records the run's settings (and, for a new run, its starting grammar).
    func saveSettings(_ settings: BootstrapSettings, grammar: Grammar? = nil) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var values = ["settings": String(decoding: try encoder.encode(settings), as: UTF8.self)]
        if let grammar { values["grammar"] = grammar.fileText }
        try saveSettings(values)
    }
}
