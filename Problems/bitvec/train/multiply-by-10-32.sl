; Multiply by 10 with shifts and adds: (x << 3) + (x << 1).
(set-logic BV)

(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32)
    (bvmul x #x0000000A))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x #x00000000 #x00000001 #xFFFFFFFF #x00000003 (bvadd Start Start) (bvsub Start Start) (bvshl Start Start) (bvlshr Start Start) (bvand Start Start) (bvor Start Start)))))

(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))

(check-synth)
