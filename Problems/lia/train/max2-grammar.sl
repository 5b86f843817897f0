; Maximum of two with an explicit grammar: only ite, <= and the variables.
(set-logic LIA)

(synth-fun max2 ((x Int) (y Int)) Int
    ((Start Int) (B Bool))
    ((Start Int (x y (ite B Start Start)))
     (B Bool ((<= Start Start)))))

(declare-var x Int)
(declare-var y Int)
(constraint (>= (max2 x y) x))
(constraint (>= (max2 x y) y))
(constraint (or (= x (max2 x y)) (= y (max2 x y))))

(check-synth)
