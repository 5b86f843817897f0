; The bits of x that are not in y: x & ~y.
(set-logic BV)

(define-fun spec ((x (_ BitVec 64)) (y (_ BitVec 64))) (_ BitVec 64)
    (bvsub x (bvand x y)))
(synth-fun f ((x (_ BitVec 64)) (y (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)))
    ((Start (_ BitVec 64) (x y #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF (bvnot Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start)))))

(declare-var x (_ BitVec 64))
(declare-var y (_ BitVec 64))
(constraint (= (spec x y) (f x y)))

(check-synth)
