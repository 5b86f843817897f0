; Multiply by 7 with a shift and a subtraction: (x << 3) - x.
(set-logic BV)

(define-fun spec ((x (_ BitVec 64))) (_ BitVec 64)
    (bvmul x #x0000000000000007))
(synth-fun f ((x (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)))
    ((Start (_ BitVec 64) (x #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF #x0000000000000003 (bvadd Start Start) (bvsub Start Start) (bvshl Start Start) (bvlshr Start Start) (bvand Start Start) (bvor Start Start)))))

(declare-var x (_ BitVec 64))
(constraint (= (spec x) (f x)))

(check-synth)
