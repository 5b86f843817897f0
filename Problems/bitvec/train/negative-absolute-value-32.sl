; Negative absolute value without branches: (x >>s 31) - (x ^ (x >>s 31)).
(set-logic BV)

(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32)
    (ite (bvslt x #x00000000) x (bvneg x)))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x #x00000000 #x00000001 #xFFFFFFFF #x0000001F (bvxor Start Start) (bvsub Start Start) (bvashr Start Start)))))

(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))

(check-synth)
