; First initial and last name: John Smith -> JSmith.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "John Smith") "JSmith"))
(constraint (= (f "Ada Lovelace") "ALovelace"))
(constraint (= (f "Alan Turing") "ATuring"))
(constraint (= (f "Grace Hopper") "GHopper"))
(constraint (= (f "Linus Torvalds") "LTorvalds"))
(constraint (= (f "Barbara Liskov") "BLiskov"))

(check-synth)
