; The largest of the three pairwise sums x + y, y + z, x + z.
(set-logic LIA)

(synth-fun maxsum ((x Int) (y Int) (z Int)) Int)

(declare-var x Int)
(declare-var y Int)
(declare-var z Int)
(constraint (>= (maxsum x y z) (+ x y)))
(constraint (>= (maxsum x y z) (+ y z)))
(constraint (>= (maxsum x y z) (+ x z)))
(constraint (or (= (maxsum x y z) (+ x y)) (or (= (maxsum x y z) (+ y z)) (= (maxsum x y z) (+ x z)))))

(check-synth)
