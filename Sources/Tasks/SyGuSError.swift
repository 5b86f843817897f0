import Language

/// A problem found while reading a SyGuS-IF file: what is wrong, and where.
///
/// The message names the offending construct (`unknown operator 'bvfoo'`,
/// `'bvadd' expects arguments of sorts ((_ BitVec 64) (_ BitVec 64)) but got ((_ BitVec 64) Int)`);
/// the position is the line and column where it starts. Printed as `LINE:COLUMN: message`.
public struct SyGuSError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition

    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(position): \(message)" }
}
