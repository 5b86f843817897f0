; The difference between the largest and the smallest of three integers.
(set-logic LIA)

(define-fun max3 ((x Int) (y Int) (z Int)) Int
    (ite (>= x y) (ite (>= x z) x z) (ite (>= y z) y z)))
(define-fun min3 ((x Int) (y Int) (z Int)) Int
    (ite (<= x y) (ite (<= x z) x z) (ite (<= y z) y z)))
(synth-fun range3 ((x Int) (y Int) (z Int)) Int)

(declare-var x Int)
(declare-var y Int)
(declare-var z Int)
(constraint (= (range3 x y z) (- (max3 x y z) (min3 x y z))))

(check-synth)
