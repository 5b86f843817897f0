; Prefix +1 to a phone number unless it starts with +.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int) (B Bool))
    ((S String (x "+" "+1 " " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I) (ite B S S)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))
     (B Bool ((str.prefixof S S) (str.suffixof S S) (str.contains S S)))))

(declare-var x String)
(constraint (= (f "415-555-1234") "+1 415-555-1234"))
(constraint (= (f "+44 20 7946 0958") "+44 20 7946 0958"))
(constraint (= (f "212-867-5309") "+1 212-867-5309"))
(constraint (= (f "+33 1 23 45 67 89") "+33 1 23 45 67 89"))
(constraint (= (f "650-253-0000") "+1 650-253-0000"))

(check-synth)
