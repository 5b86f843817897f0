; Where k goes among 4 sorted, distinct values y1 < ... < y4: the number of values below k
; (unconstrained when k equals one of them).
(set-logic LIA)

(synth-fun findIdx ((y1 Int) (y2 Int) (y3 Int) (y4 Int) (k Int)) Int)

(declare-var y1 Int)
(declare-var y2 Int)
(declare-var y3 Int)
(declare-var y4 Int)
(declare-var k Int)
(constraint (=> (and (< y1 y2) (< y2 y3) (< y3 y4)) (=> (< k y1) (= (findIdx y1 y2 y3 y4 k) 0))))
(constraint (=> (and (< y1 y2) (< y2 y3) (< y3 y4)) (=> (> k y4) (= (findIdx y1 y2 y3 y4 k) 4))))
(constraint (=> (and (< y1 y2) (< y2 y3) (< y3 y4)) (=> (and (> k y1) (< k y2)) (= (findIdx y1 y2 y3 y4 k) 1))))
(constraint (=> (and (< y1 y2) (< y2 y3) (< y3 y4)) (=> (and (> k y2) (< k y3)) (= (findIdx y1 y2 y3 y4 k) 2))))
(constraint (=> (and (< y1 y2) (< y2 y3) (< y3 y4)) (=> (and (> k y3) (< k y4)) (= (findIdx y1 y2 y3 y4 k) 3))))

(check-synth)
