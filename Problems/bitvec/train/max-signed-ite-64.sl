; Signed maximum with ite and comparisons in the grammar (bvsgt is not in it).
(set-logic BV)

(define-fun spec ((x (_ BitVec 64)) (y (_ BitVec 64))) (_ BitVec 64)
    (ite (bvsgt x y) x (ite (= x y) x y)))
(synth-fun f ((x (_ BitVec 64)) (y (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)) (B Bool))
    ((Start (_ BitVec 64) (x y #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF (bvand Start Start) (bvor Start Start) (bvadd Start Start) (bvsub Start Start) (ite B Start Start)))
     (B Bool ((= Start Start) (bvult Start Start) (bvule Start Start) (bvslt Start Start)))))

(declare-var x (_ BitVec 64))
(declare-var y (_ BitVec 64))
(constraint (= (spec x y) (f x y)))

(check-synth)
