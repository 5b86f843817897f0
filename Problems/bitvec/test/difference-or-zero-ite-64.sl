; Unsigned saturating subtraction: x - y when x >= y, else 0 (spec multiplies by 0/1).
(set-logic BV)

(define-fun spec ((x (_ BitVec 64)) (y (_ BitVec 64))) (_ BitVec 64)
    (bvmul (bvsub x y) (ite (bvuge x y) #x0000000000000001 #x0000000000000000)))
(synth-fun f ((x (_ BitVec 64)) (y (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)) (B Bool))
    ((Start (_ BitVec 64) (x y #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF (bvand Start Start) (bvor Start Start) (bvadd Start Start) (bvsub Start Start) (ite B Start Start)))
     (B Bool ((= Start Start) (bvult Start Start) (bvule Start Start) (bvslt Start Start)))))

(declare-var x (_ BitVec 64))
(declare-var y (_ BitVec 64))
(constraint (= (spec x y) (f x y)))

(check-synth)
