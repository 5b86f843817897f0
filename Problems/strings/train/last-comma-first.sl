; Two arguments: first and last name to 'Last, First'.
(set-logic SLIA)

(synth-fun f ((first String) (last String)) String
    ((S String) (I Int))
    ((S String (first last ", " " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var first String)
(declare-var last String)
(constraint (= (f "John" "Smith") "Smith, John"))
(constraint (= (f "Ada" "Lovelace") "Lovelace, Ada"))
(constraint (= (f "Alan" "Turing") "Turing, Alan"))
(constraint (= (f "Grace" "Hopper") "Hopper, Grace"))
(constraint (= (f "Edsger" "Dijkstra") "Dijkstra, Edsger"))

(check-synth)
