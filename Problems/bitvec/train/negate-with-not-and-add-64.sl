; Two's complement negation without bvneg or bvsub: ~x + 1.
(set-logic BV)

(define-fun spec ((x (_ BitVec 64))) (_ BitVec 64)
    (bvneg x))
(synth-fun f ((x (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)))
    ((Start (_ BitVec 64) (x #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF (bvnot Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvadd Start Start)))))

(declare-var x (_ BitVec 64))
(constraint (= (spec x) (f x)))

(check-synth)
