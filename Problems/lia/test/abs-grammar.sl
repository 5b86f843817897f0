; Absolute value with an explicit grammar: ite, comparisons, subtraction, 0.
(set-logic LIA)

(synth-fun absval ((x Int)) Int
    ((Start Int) (B Bool))
    ((Start Int (x 0 (- Start Start) (ite B Start Start)))
     (B Bool ((< Start Start) (<= Start Start)))))

(declare-var x Int)
(constraint (>= (absval x) 0))
(constraint (or (= (absval x) x) (= (absval x) (- 0 x))))

(check-synth)
