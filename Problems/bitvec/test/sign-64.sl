; Sign function -1/0/1 without branches: (x >>s 63) | (-x >>u 63).
(set-logic BV)

(define-fun spec ((x (_ BitVec 64))) (_ BitVec 64)
    (ite (bvslt x #x0000000000000000) #xFFFFFFFFFFFFFFFF (ite (= x #x0000000000000000) #x0000000000000000 #x0000000000000001)))
(synth-fun f ((x (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)))
    ((Start (_ BitVec 64) (x #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF #x000000000000003F (bvneg Start) (bvor Start Start) (bvlshr Start Start) (bvashr Start Start)))))

(declare-var x (_ BitVec 64))
(constraint (= (spec x) (f x)))

(check-synth)
