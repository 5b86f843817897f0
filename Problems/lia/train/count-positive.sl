; How many of x, y, z are positive.
(set-logic LIA)

(define-fun pos ((v Int)) Int
    (ite (> v 0) 1 0))
(synth-fun npos ((x Int) (y Int) (z Int)) Int)

(declare-var x Int)
(declare-var y Int)
(declare-var z Int)
(constraint (= (npos x y z) (+ (pos x) (+ (pos y) (pos z)))))

(check-synth)
