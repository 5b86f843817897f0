; Put 'Dr. ' in front of a name.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "Dr. " " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "John Smith") "Dr. John Smith"))
(constraint (= (f "Ada Lovelace") "Dr. Ada Lovelace"))
(constraint (= (f "Alan Turing") "Dr. Alan Turing"))
(constraint (= (f "Grace Hopper") "Dr. Grace Hopper"))
(constraint (= (f "Linus Torvalds") "Dr. Linus Torvalds"))

(check-synth)
