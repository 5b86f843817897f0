; 1 when x and y have opposite signs, else 0: (x ^ y) >>u 31.
(set-logic BV)

(define-fun spec ((x (_ BitVec 32)) (y (_ BitVec 32))) (_ BitVec 32)
    (ite (= (bvslt x #x00000000) (bvslt y #x00000000)) #x00000000 #x00000001))
(synth-fun f ((x (_ BitVec 32)) (y (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x y #x00000000 #x00000001 #xFFFFFFFF #x0000001F (bvnot Start) (bvneg Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvadd Start Start) (bvsub Start Start) (bvshl Start Start) (bvlshr Start Start) (bvashr Start Start)))))

(declare-var x (_ BitVec 32))
(declare-var y (_ BitVec 32))
(constraint (= (spec x y) (f x y)))

(check-synth)
