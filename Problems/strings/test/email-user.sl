; The user part of an e-mail address.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "@" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "alice@example.com") "alice"))
(constraint (= (f "bob.jones@mail.org") "bob.jones"))
(constraint (= (f "carol@uni.edu") "carol"))
(constraint (= (f "dave99@startup.io") "dave99"))
(constraint (= (f "eve@cs.stanford.edu") "eve"))

(check-synth)
