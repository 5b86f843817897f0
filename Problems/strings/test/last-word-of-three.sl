; The last of three space-separated words.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "one two three") "three"))
(constraint (= (f "red green blue") "blue"))
(constraint (= (f "a bb ccc") "ccc"))
(constraint (= (f "Swift is fast") "fast"))
(constraint (= (f "x y z") "z"))

(check-synth)
