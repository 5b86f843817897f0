; Absolute value without branches: (x ^ (x >>s 63)) - (x >>s 63).
(set-logic BV)

(define-fun spec ((x (_ BitVec 64))) (_ BitVec 64)
    (ite (bvslt x #x0000000000000000) (bvneg x) x))
(synth-fun f ((x (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)))
    ((Start (_ BitVec 64) (x #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF #x000000000000003F (bvxor Start Start) (bvsub Start Start) (bvashr Start Start)))))

(declare-var x (_ BitVec 64))
(constraint (= (spec x) (f x)))

(check-synth)
