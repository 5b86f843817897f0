; Isolate the rightmost 1 bit: x & -x.
(set-logic BV)

(define-fun spec ((x (_ BitVec 64))) (_ BitVec 64)
    (bvand x (bvsub #x0000000000000000 x)))
(synth-fun f ((x (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)))
    ((Start (_ BitVec 64) (x #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF (bvnot Start) (bvneg Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvadd Start Start) (bvsub Start Start) (bvshl Start Start) (bvlshr Start Start) (bvashr Start Start)))))

(declare-var x (_ BitVec 64))
(constraint (= (spec x) (f x)))

(check-synth)
