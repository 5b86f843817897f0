; Where k goes among 3 sorted, distinct values y1 < ... < y3: the number of values below k
; (unconstrained when k equals one of them).
(set-logic LIA)

(synth-fun findIdx ((y1 Int) (y2 Int) (y3 Int) (k Int)) Int)

(declare-var y1 Int)
(declare-var y2 Int)
(declare-var y3 Int)
(declare-var k Int)
(constraint (=> (and (< y1 y2) (< y2 y3)) (=> (< k y1) (= (findIdx y1 y2 y3 k) 0))))
(constraint (=> (and (< y1 y2) (< y2 y3)) (=> (> k y3) (= (findIdx y1 y2 y3 k) 3))))
(constraint (=> (and (< y1 y2) (< y2 y3)) (=> (and (> k y1) (< k y2)) (= (findIdx y1 y2 y3 k) 1))))
(constraint (=> (and (< y1 y2) (< y2 y3)) (=> (and (> k y2) (< k y3)) (= (findIdx y1 y2 y3 k) 2))))

(check-synth)
