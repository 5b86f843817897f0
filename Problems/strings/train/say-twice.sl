; The word, a space, and the word again.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "hello") "hello hello"))
(constraint (= (f "swift") "swift swift"))
(constraint (= (f "cat") "cat cat"))
(constraint (= (f "ouroboros") "ouroboros ouroboros"))
(constraint (= (f "a") "a a"))

(check-synth)
