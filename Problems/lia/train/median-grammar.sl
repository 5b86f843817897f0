; The median of three, max(min(x, y), min(max(x, y), z)), with a grammar of ite over
; comparisons and the variables only (deliberately hard: about 5 nested ites).
(set-logic LIA)

(define-fun mx ((a Int) (b Int)) Int (ite (>= a b) a b))
(define-fun mn ((a Int) (b Int)) Int (ite (<= a b) a b))
(synth-fun mid ((x Int) (y Int) (z Int)) Int
    ((Start Int) (B Bool))
    ((Start Int (x y z (ite B Start Start)))
     (B Bool ((<= Start Start) (and B B) (or B B)))))

(declare-var x Int)
(declare-var y Int)
(declare-var z Int)
(constraint (= (mid x y z) (mx (mn x y) (mn (mx x y) z))))

(check-synth)
