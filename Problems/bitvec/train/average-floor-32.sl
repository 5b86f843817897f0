; Unsigned average rounded down, without overflow: (x & y) + ((x ^ y) >> 1).
(set-logic BV)

(define-fun spec ((x (_ BitVec 32)) (y (_ BitVec 32))) (_ BitVec 32)
    (bvadd (bvand x y) (bvlshr (bvxor x y) #x00000001)))
(synth-fun f ((x (_ BitVec 32)) (y (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x y #x00000000 #x00000001 #xFFFFFFFF (bvand Start Start) (bvxor Start Start) (bvadd Start Start) (bvlshr Start Start)))))

(declare-var x (_ BitVec 32))
(declare-var y (_ BitVec 32))
(constraint (= (spec x y) (f x y)))

(check-synth)
