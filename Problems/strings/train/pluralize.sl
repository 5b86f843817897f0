; Plural of a regular noun: add es after x, s otherwise.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int) (B Bool))
    ((S String (x "s" "es" "x" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I) (ite B S S)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))
     (B Bool ((str.prefixof S S) (str.suffixof S S) (str.contains S S)))))

(declare-var x String)
(constraint (= (f "cat") "cats"))
(constraint (= (f "box") "boxes"))
(constraint (= (f "dog") "dogs"))
(constraint (= (f "fox") "foxes"))
(constraint (= (f "tax") "taxes"))
(constraint (= (f "pen") "pens"))
(constraint (= (f "book") "books"))

(check-synth)
