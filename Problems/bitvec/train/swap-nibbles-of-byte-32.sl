; Swap the two nibbles of the low byte, upper bits cleared (spec with div/mod): ((x & 15) << 4) | ((x >> 4) & 15).
(set-logic BV)

(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32)
    (bvadd (bvmul (bvurem x #x00000010) #x00000010) (bvurem (bvudiv x #x00000010) #x00000010)))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x #x00000000 #x00000001 #xFFFFFFFF #x00000004 #x0000000F (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvshl Start Start) (bvlshr Start Start) (bvadd Start Start)))))

(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))

(check-synth)
