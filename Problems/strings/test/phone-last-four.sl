; The last four digits of a phone number.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "-" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 4 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "415-555-1234") "1234"))
(constraint (= (f "212-867-5309") "5309"))
(constraint (= (f "650-253-0000") "0000"))
(constraint (= (f "303-499-7111") "7111"))
(constraint (= (f "617-253-1000") "1000"))

(check-synth)
