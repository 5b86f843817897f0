; Maximum, specified with a second application (not single-invocation): f is symmetric.
(set-logic LIA)

(synth-fun f ((x Int) (y Int)) Int)

(declare-var x Int)
(declare-var y Int)
(constraint (= (f x y) (f y x)))
(constraint (>= (f x y) x))
(constraint (or (= (f x y) x) (= (f x y) y)))

(check-synth)
