; Sign-extend the low byte: (x << 24) >>s 24.
(set-logic BV)

(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32)
    (ite (= (bvand x #x00000080) #x00000000) (bvand x #x000000FF) (bvor x #xFFFFFF00)))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x #x00000000 #x00000001 #xFFFFFFFF #x00000018 (bvnot Start) (bvneg Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvadd Start Start) (bvsub Start Start) (bvshl Start Start) (bvlshr Start Start) (bvashr Start Start)))))

(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))

(check-synth)
