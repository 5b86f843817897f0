; Where k goes among 2 sorted, distinct values y1 < ... < y2: the number of values below k
; (unconstrained when k equals one of them).
(set-logic LIA)

(synth-fun findIdx ((y1 Int) (y2 Int) (k Int)) Int)

(declare-var y1 Int)
(declare-var y2 Int)
(declare-var k Int)
(constraint (=> (< y1 y2) (=> (< k y1) (= (findIdx y1 y2 k) 0))))
(constraint (=> (< y1 y2) (=> (> k y2) (= (findIdx y1 y2 k) 2))))
(constraint (=> (< y1 y2) (=> (and (> k y1) (< k y2)) (= (findIdx y1 y2 k) 1))))

(check-synth)
