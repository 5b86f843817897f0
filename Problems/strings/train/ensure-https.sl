; Prefix https:// unless the address already starts with http.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int) (B Bool))
    ((S String (x "https://" "http" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I) (ite B S S)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))
     (B Bool ((str.prefixof S S) (str.suffixof S S) (str.contains S S)))))

(declare-var x String)
(constraint (= (f "example.com") "https://example.com"))
(constraint (= (f "https://swift.org") "https://swift.org"))
(constraint (= (f "http://old.site") "http://old.site"))
(constraint (= (f "www.python.org") "https://www.python.org"))
(constraint (= (f "https://a.io") "https://a.io"))
(constraint (= (f "cvc5.github.io") "https://cvc5.github.io"))

(check-synth)
