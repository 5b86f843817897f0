; Swap the two words of a two-word string.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "hello world") "world hello"))
(constraint (= (f "big data") "data big"))
(constraint (= (f "open source") "source open"))
(constraint (= (f "New York") "York New"))
(constraint (= (f "ab c") "c ab"))

(check-synth)
