; Clear bit y of x: x & ~(1 << y) (spec subtracts the bit).
(set-logic BV)

(define-fun spec ((x (_ BitVec 64)) (y (_ BitVec 64))) (_ BitVec 64)
    (bvsub x (bvand x (bvshl #x0000000000000001 y))))
(synth-fun f ((x (_ BitVec 64)) (y (_ BitVec 64))) (_ BitVec 64)
    ((Start (_ BitVec 64)))
    ((Start (_ BitVec 64) (x y #x0000000000000000 #x0000000000000001 #xFFFFFFFFFFFFFFFF (bvnot Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvshl Start Start) (bvlshr Start Start)))))

(declare-var x (_ BitVec 64))
(declare-var y (_ BitVec 64))
(constraint (= (spec x y) (f x y)))

(check-synth)
