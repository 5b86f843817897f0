; Unsigned average rounded up, without overflow: (x | y) - ((x ^ y) >> 1).
(set-logic BV)

(define-fun spec ((x (_ BitVec 64)) (y (_ BitVec 64))) (_ BitVec 64)
    (bvsub (bvor x y) (bvlshr (bvxor x y) #x0000000000000001)))
(synth-fun f ((x (_ BitVec 64)) (y (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)))
    ((Start (_ BitVec 64) (x y #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF (bvnot Start) (bvneg Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvadd Start Start) (bvsub Start Start) (bvshl Start Start) (bvlshr Start Start) (bvashr Start Start)))))

(declare-var x (_ BitVec 64))
(declare-var y (_ BitVec 64))
(constraint (= (spec x y) (f x y)))

(check-synth)
