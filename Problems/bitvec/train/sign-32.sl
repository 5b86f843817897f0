; Sign function -1/0/1 without branches: (x >>s 31) | (-x >>u 31).
(set-logic BV)

(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32)
    (ite (bvslt x #x00000000) #xFFFFFFFF (ite (= x #x00000000) #x00000000 #x00000001)))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x #x00000000 #x00000001 #xFFFFFFFF #x0000001F (bvneg Start) (bvand Start Start) (bvor Start Start) (bvlshr Start Start) (bvashr Start Start)))))

(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))

(check-synth)
