; The sign of x: -1, 0 or 1.
(set-logic LIA)

(synth-fun sign ((x Int)) Int)

(declare-var x Int)
(constraint (=> (> x 0) (= (sign x) 1)))
(constraint (=> (= x 0) (= (sign x) 0)))
(constraint (=> (< x 0) (= (sign x) (- 1))))

(check-synth)
