; 2x + y from additions, subtractions and the constants 0 and 1 (no multiplication).
(set-logic LIA)

(synth-fun f ((x Int) (y Int)) Int
    ((Start Int))
    ((Start Int (x y 0 1 (+ Start Start) (- Start Start)))))

(declare-var x Int)
(declare-var y Int)
(constraint (= (f x y) (+ (* 2 x) y)))

(check-synth)
