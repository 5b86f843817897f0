; |x - y|: non-negative, and x - y or y - x.
(set-logic LIA)

(synth-fun absdiff ((x Int) (y Int)) Int)

(declare-var x Int)
(declare-var y Int)
(constraint (>= (absdiff x y) 0))
(constraint (or (= (absdiff x y) (- x y)) (= (absdiff x y) (- y x))))

(check-synth)
