; Two arguments joined by a space.
(set-logic SLIA)

(synth-fun f ((a String) (b String)) String
    ((S String) (I Int))
    ((S String (a b " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var a String)
(declare-var b String)
(constraint (= (f "John" "Smith") "John Smith"))
(constraint (= (f "New" "York") "New York"))
(constraint (= (f "big" "data") "big data"))
(constraint (= (f "a" "b") "a b"))
(constraint (= (f "Swift" "Programs") "Swift Programs"))

(check-synth)
