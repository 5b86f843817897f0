; Replace the space of a two-word name by an underscore.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x " " "_" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "my file") "my_file"))
(constraint (= (f "hello world") "hello_world"))
(constraint (= (f "snake case") "snake_case"))
(constraint (= (f "a b") "a_b"))
(constraint (= (f "unit test") "unit_test"))

(check-synth)
