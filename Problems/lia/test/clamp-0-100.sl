; Clamp a percentage to [0, 100].
(set-logic LIA)

(define-fun spec ((x Int)) Int
    (ite (< x 0) 0 (ite (> x 100) 100 x)))
(synth-fun clamp ((x Int)) Int)

(declare-var x Int)
(constraint (= (clamp x) (spec x)))

(check-synth)
