; Clear the low byte (spec with div and mul): x & ~255.
(set-logic BV)

(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32)
    (bvmul (bvudiv x #x00000100) #x00000100))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x #x00000000 #x00000001 #xFFFFFFFF #x00000008 #x000000FF (bvnot Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvshl Start Start) (bvlshr Start Start)))))

(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))

(check-synth)
