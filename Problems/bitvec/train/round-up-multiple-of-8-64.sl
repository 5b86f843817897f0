; Round up to a multiple of 8, modulo 2^64: -((-x) & -8).
(set-logic BV)

(define-fun spec ((x (_ BitVec 64))) (_ BitVec 64)
    (bvmul (bvudiv (bvadd x #x0000000000000007) #x0000000000000008) #x0000000000000008))
(synth-fun f ((x (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)))
    ((Start (_ BitVec 64) (x #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF #x0000000000000003 (bvnot Start) (bvneg Start) (bvand Start Start) (bvor Start Start) (bvadd Start Start) (bvsub Start Start) (bvshl Start Start) (bvlshr Start Start)))))

(declare-var x (_ BitVec 64))
(constraint (= (spec x) (f x)))

(check-synth)
