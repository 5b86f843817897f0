; How far x is from the interval [lo, hi] (0 inside it), whenever lo <= hi.
(set-logic LIA)

(define-fun spec ((x Int) (lo Int) (hi Int)) Int
    (ite (< x lo) (- lo x) (ite (> x hi) (- x hi) 0)))
(synth-fun dist ((x Int) (lo Int) (hi Int)) Int)

(declare-var x Int)
(declare-var lo Int)
(declare-var hi Int)
(constraint (=> (<= lo hi) (= (dist x lo hi) (spec x lo hi))))

(check-synth)
