; The text between square brackets.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "[" "]" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "error [E42] at line 3") "E42"))
(constraint (= (f "[INFO] started") "INFO"))
(constraint (= (f "see [ref] here") "ref"))
(constraint (= (f "x [abc]") "abc"))
(constraint (= (f "warning [W7]: unused") "W7"))

(check-synth)
