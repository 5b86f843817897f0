import Language

/// A problem found while reading a SyGuS-IF file: what is wrong, and where — the shared
/// `SyntaxError` of every reader.
///
/// The message names the offending construct (`unknown operator 'bvfoo'`,
/// `'bvadd' expects arguments of sorts ((_ BitVec 64) (_ BitVec 64)) but got ((_ BitVec 64) Int)`);
/// the position is the line and column where it starts. Printed as `LINE:COLUMN: message`.
public typealias SyGuSError = SyntaxError
