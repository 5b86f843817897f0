; Round up to the next power of two (deliberately hard: 11 operators):
; y = x - 1; y |= y >> 1; y |= y >> 2; y |= y >> 4; y |= y >> 8; y |= y >> 16; y + 1.
(set-logic BV)

(define-fun smear ((y (_ BitVec 32)) (s (_ BitVec 32))) (_ BitVec 32)
    (bvor y (bvlshr y s)))
(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32)
    (bvadd (smear (smear (smear (smear (smear (bvsub x #x00000001) #x00000001) #x00000002) #x00000004) #x00000008) #x00000010) #x00000001))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x #x00000000 #x00000001 #xFFFFFFFF #x00000002 #x00000004 #x00000008 #x00000010 (bvnot Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvadd Start Start) (bvsub Start Start) (bvlshr Start Start) (bvshl Start Start)))))

(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))

(check-synth)
