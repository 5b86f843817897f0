; The second-lowest byte (spec with div/mod): (x >> 8) & 255.
(set-logic BV)

(define-fun spec ((x (_ BitVec 64))) (_ BitVec 64)
    (bvurem (bvudiv x #x0000000000000100) #x0000000000000100))
(synth-fun f ((x (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)))
    ((Start (_ BitVec 64) (x #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF #x0000000000000008 #x00000000000000FF (bvnot Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvshl Start Start) (bvlshr Start Start)))))

(declare-var x (_ BitVec 64))
(constraint (= (spec x) (f x)))

(check-synth)
