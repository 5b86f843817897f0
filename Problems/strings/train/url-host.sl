; The host of an https URL with a path.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "/" "https://" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 8 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "https://www.example.com/page") "www.example.com"))
(constraint (= (f "https://swift.org/docs") "swift.org"))
(constraint (= (f "https://a.io/x/y") "a.io"))
(constraint (= (f "https://news.ycombinator.com/item") "news.ycombinator.com"))
(constraint (= (f "https://en.wikipedia.org/wiki/Ouroboros") "en.wikipedia.org"))

(check-synth)
