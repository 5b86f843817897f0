; The length of the text, written in decimal.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "hello") "5"))
(constraint (= (f "") "0"))
(constraint (= (f "synthesis") "9"))
(constraint (= (f "abc") "3"))
(constraint (= (f "ouroboros loop") "14"))
(constraint (= (f "x") "1"))

(check-synth)
