; Unsigned maximum, with ite and comparisons in the grammar (spec: x + y - min).
(set-logic BV)

(define-fun spec ((x (_ BitVec 32)) (y (_ BitVec 32))) (_ BitVec 32)
    (bvsub (bvadd x y) (ite (bvule x y) x y)))
(synth-fun f ((x (_ BitVec 32)) (y (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)) (B Bool))
    ((Start (_ BitVec 32) (x y #x00000000 #x00000001 #xFFFFFFFF (bvand Start Start) (bvor Start Start) (bvadd Start Start) (bvsub Start Start) (ite B Start Start)))
     (B Bool ((= Start Start) (bvult Start Start) (bvule Start Start) (bvslt Start Start)))))

(declare-var x (_ BitVec 32))
(declare-var y (_ BitVec 32))
(constraint (= (spec x y) (f x y)))

(check-synth)
