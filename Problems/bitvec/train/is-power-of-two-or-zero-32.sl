; 1 when x has at most one bit set, else 0, branch-free (harder: about 8 operators), e.g. (~y & (y - 1)) >>u 31 with y = x & (x - 1).
(set-logic BV)

(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32)
    (ite (= (bvand x (bvsub x #x00000001)) #x00000000) #x00000001 #x00000000))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) (x #x00000000 #x00000001 #xFFFFFFFF #x0000001F (bvnot Start) (bvneg Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvadd Start Start) (bvsub Start Start) (bvshl Start Start) (bvlshr Start Start) (bvashr Start Start)))))

(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))

(check-synth)
