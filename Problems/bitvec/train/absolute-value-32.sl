; Absolute value without branches (spec uses ite; the grammar has none): (x ^ (x >>s 31)) - (x >>s 31).
(set-logic BV)

(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32)
    (ite (bvslt x #x00000000) (bvneg x) x))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x #x00000000 #x00000001 #xFFFFFFFF #x0000001F (bvxor Start Start) (bvadd Start Start) (bvsub Start Start) (bvashr Start Start)))))

(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))

(check-synth)
