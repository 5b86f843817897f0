; The domain of an e-mail address.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "@" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "alice@example.com") "example.com"))
(constraint (= (f "bob.jones@mail.org") "mail.org"))
(constraint (= (f "carol@uni.edu") "uni.edu"))
(constraint (= (f "dave99@startup.io") "startup.io"))
(constraint (= (f "eve@cs.stanford.edu") "cs.stanford.edu"))

(check-synth)
