; Add one to a decimal number.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "41") "42"))
(constraint (= (f "0") "1"))
(constraint (= (f "99") "100"))
(constraint (= (f "1234") "1235"))
(constraint (= (f "7") "8"))

(check-synth)
