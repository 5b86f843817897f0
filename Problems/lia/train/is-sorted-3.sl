; Whether x <= y <= z, specified through a reference definition.
(set-logic LIA)

(define-fun spec ((x Int) (y Int) (z Int)) Bool
    (not (or (> x y) (> y z))))
(synth-fun sorted3 ((x Int) (y Int) (z Int)) Bool)

(declare-var x Int)
(declare-var y Int)
(declare-var z Int)
(constraint (= (sorted3 x y z) (spec x y z)))

(check-synth)
