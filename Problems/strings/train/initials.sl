; Initials with dots: John Smith -> J.S.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x " " "." (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "John Smith") "J.S."))
(constraint (= (f "Ada Lovelace") "A.L."))
(constraint (= (f "Alan Turing") "A.T."))
(constraint (= (f "Grace Hopper") "G.H."))
(constraint (= (f "Linus Torvalds") "L.T."))
(constraint (= (f "Barbara Liskov") "B.L."))

(check-synth)
