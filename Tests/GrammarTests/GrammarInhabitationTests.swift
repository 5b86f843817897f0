import Grammar
import Language
import Testing
import TestSupport

@Suite struct GrammarInhabitationTests {
    private func grammar(_ text: String) throws -> Grammar { try Grammar(parsing: text) }
    private func type(_ text: String) throws -> TypeExpr { try TypeExpr(parsing: text) }

    @Test func aListWithoutABaseCaseIsNeverBuilt() throws {
        let loop = try grammar("(primitive cons \"t0 -> list(t0) -> list(t0)\")\n(primitive 1 \"int\")\n")
        #expect(!loop.mayBuildProgram(of: try type("int -> list(int)")))
        #expect(!loop.mayBuildProgram(of: try type("list(int)")))
        #expect(loop.mayBuildProgram(of: try type("int")))
        // The list can come from the request's argument, or from a base case.
        #expect(loop.mayBuildProgram(of: try type("list(int) -> list(int)")))
        let based = try grammar("(primitive cons \"t0 -> list(t0) -> list(t0)\")\n(primitive empty \"list(t0)\")\n")
        #expect(based.mayBuildProgram(of: try type("int -> list(int)")))
    }

    @Test func argumentsOfTheRequestAndPolymorphicProductionsMakeTypesBuildable() throws {
        // A string exists only as an argument of the request.
        let viaLambda = try grammar("(primitive str.len \"string -> int\")\n(primitive + \"int -> int -> int\")\n")
        #expect(!viaLambda.mayBuildProgram(of: try type("bool -> int")))
        #expect(viaLambda.mayBuildProgram(of: try type("(string -> int) -> string -> int")))
        let higherOrder = try grammar("(primitive map \"(t0 -> t1) -> list(t0) -> list(t1)\")\n")
        #expect(higherOrder.mayBuildProgram(of: try type("list(int) -> list(bool)")))
    }

    @Test func everyBundledListTaskIsBuildableWithTheListsGrammar() throws {
        let lists = try Grammar(parsing: try TestSupport.text("Grammars/lists.grammar"))
        for request in ["list(int) -> int", "list(int) -> list(int)", "int -> list(int)", "list(int) -> bool",
                        "int -> int -> int", "list(int) -> list(int) -> list(int)", "int -> bool"] {
            #expect(lists.mayBuildProgram(of: try type(request)), "\(request)")
        }
    }
}
