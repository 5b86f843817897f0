; Absolute value: non-negative, and x or -x.
(set-logic LIA)

(synth-fun absval ((x Int)) Int)

(declare-var x Int)
(constraint (>= (absval x) 0))
(constraint (or (= (absval x) x) (= (absval x) (- 0 x))))

(check-synth)
