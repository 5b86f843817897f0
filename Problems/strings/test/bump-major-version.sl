; Next major version: 3.11.2 -> 4.0.0.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "." ".0.0" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "3.11.2") "4.0.0"))
(constraint (= (f "1.0.0") "2.0.0"))
(constraint (= (f "9.4.1") "10.0.0"))
(constraint (= (f "12.1.0") "13.0.0"))
(constraint (= (f "0.9.9") "1.0.0"))

(check-synth)
