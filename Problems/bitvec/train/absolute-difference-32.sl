; |x - y| in wrap-around arithmetic, branch-free (harder: about 7 operators).
(set-logic BV)

(define-fun spec ((x (_ BitVec 32)) (y (_ BitVec 32))) (_ BitVec 32)
    (ite (bvslt (bvsub x y) #x00000000) (bvsub y x) (bvsub x y)))
(synth-fun f ((x (_ BitVec 32)) (y (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x y #x00000000 #x00000001 #xFFFFFFFF #x0000001F (bvnot Start) (bvneg Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvadd Start Start) (bvsub Start Start) (bvshl Start Start) (bvlshr Start Start) (bvashr Start Start)))))

(declare-var x (_ BitVec 32))
(declare-var y (_ BitVec 32))
(constraint (= (spec x y) (f x y)))

(check-synth)
