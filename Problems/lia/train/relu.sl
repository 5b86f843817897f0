; max(x, 0), through a reference definition.
(set-logic LIA)

(define-fun spec ((x Int)) Int
    (ite (< x 0) 0 x))
(synth-fun relu ((x Int)) Int)

(declare-var x Int)
(constraint (= (relu x) (spec x)))

(check-synth)
