; Swap each pair of adjacent bits: ((x & 0x55555555) << 1) | ((x >> 1) & 0x55555555).
(set-logic BV)

(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32)
    (bvor (bvmul (bvand x #x55555555) #x00000002) (bvudiv (bvand x #xAAAAAAAA) #x00000002)))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x #x00000000 #x00000001 #xFFFFFFFF #x55555555 (bvnot Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvshl Start Start) (bvlshr Start Start)))))

(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))

(check-synth)
