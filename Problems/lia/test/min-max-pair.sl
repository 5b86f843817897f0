; Two functions at once: lo and hi order a pair.
(set-logic LIA)

(synth-fun lo ((x Int) (y Int)) Int)
(synth-fun hi ((x Int) (y Int)) Int)

(declare-var x Int)
(declare-var y Int)
(constraint (<= (lo x y) (hi x y)))
(constraint (= (+ (lo x y) (hi x y)) (+ x y)))
(constraint (or (= (lo x y) x) (= (lo x y) y)))

(check-synth)
