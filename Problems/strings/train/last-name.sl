; The second word of a full name.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "John Smith") "Smith"))
(constraint (= (f "Ada Lovelace") "Lovelace"))
(constraint (= (f "Alan Turing") "Turing"))
(constraint (= (f "Grace Hopper") "Hopper"))
(constraint (= (f "Linus Torvalds") "Torvalds"))
(constraint (= (f "Barbara Liskov") "Liskov"))

(check-synth)
