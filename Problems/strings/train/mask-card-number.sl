; Hide all but the last group of a card number.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "****-****-****-" "-" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 4 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "1234-5678-9012-3456") "****-****-****-3456"))
(constraint (= (f "4111-1111-1111-1111") "****-****-****-1111"))
(constraint (= (f "5500-0000-0000-0004") "****-****-****-0004"))
(constraint (= (f "3400-0000-0000-0009") "****-****-****-0009"))
(constraint (= (f "6011-0000-0000-0004") "****-****-****-0004"))

(check-synth)
