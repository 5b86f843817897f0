; The largest of four integers, by its properties.
(set-logic LIA)

(synth-fun max4 ((w Int) (x Int) (y Int) (z Int)) Int)

(declare-var w Int)
(declare-var x Int)
(declare-var y Int)
(declare-var z Int)
(constraint (>= (max4 w x y z) w))
(constraint (>= (max4 w x y z) x))
(constraint (>= (max4 w x y z) y))
(constraint (>= (max4 w x y z) z))
(constraint (or (= w (max4 w x y z)) (or (= x (max4 w x y z)) (or (= y (max4 w x y z)) (= z (max4 w x y z))))))

(check-synth)
