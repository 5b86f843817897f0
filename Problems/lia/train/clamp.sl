; Clamp x to the interval [lo, hi], whenever lo <= hi.
(set-logic LIA)

(synth-fun clamp ((x Int) (lo Int) (hi Int)) Int)

(declare-var x Int)
(declare-var lo Int)
(declare-var hi Int)
(constraint (=> (<= lo hi) (and (<= lo (clamp x lo hi)) (<= (clamp x lo hi) hi))))
(constraint (=> (and (<= lo x) (<= x hi)) (= (clamp x lo hi) x)))
(constraint (=> (and (<= lo hi) (< x lo)) (= (clamp x lo hi) lo)))
(constraint (=> (and (<= lo hi) (> x hi)) (= (clamp x lo hi) hi)))

(check-synth)
