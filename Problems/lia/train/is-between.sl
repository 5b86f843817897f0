; Whether lo <= x <= hi (a Boolean function).
(set-logic LIA)

(synth-fun between ((x Int) (lo Int) (hi Int)) Bool)

(declare-var x Int)
(declare-var lo Int)
(declare-var hi Int)
(constraint (= (between x lo hi) (and (<= lo x) (<= x hi))))

(check-synth)
