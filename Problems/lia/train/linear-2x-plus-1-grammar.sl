; 2x + 1 from additions, subtractions and the constants 0 and 1 (no multiplication).
(set-logic LIA)

(synth-fun f ((x Int)) Int
    ((Start Int))
    ((Start Int (x 0 1 (+ Start Start) (- Start Start)))))

(declare-var x Int)
(constraint (= (f x) (+ (* 2 x) 1)))

(check-synth)
