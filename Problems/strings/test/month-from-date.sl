; The month of an ISO date.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "-" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 2 5 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "2021-03-15") "03"))
(constraint (= (f "1999-12-31") "12"))
(constraint (= (f "2024-02-29") "02"))
(constraint (= (f "1970-01-01") "01"))
(constraint (= (f "2010-07-04") "07"))

(check-synth)
