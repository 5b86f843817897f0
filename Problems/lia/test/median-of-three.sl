; The middle one of three integers.
(set-logic LIA)

(synth-fun median ((x Int) (y Int) (z Int)) Int)

(declare-var x Int)
(declare-var y Int)
(declare-var z Int)
(constraint (=> (and (<= x y) (<= y z)) (= (median x y z) y)))
(constraint (=> (and (<= z y) (<= y x)) (= (median x y z) y)))
(constraint (=> (and (<= y x) (<= x z)) (= (median x y z) x)))
(constraint (=> (and (<= z x) (<= x y)) (= (median x y z) x)))
(constraint (=> (and (<= x z) (<= z y)) (= (median x y z) z)))
(constraint (=> (and (<= y z) (<= z x)) (= (median x y z) z)))

(check-synth)
