; The city of 'City, ST'.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "," " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "Austin, TX") "Austin"))
(constraint (= (f "Boston, MA") "Boston"))
(constraint (= (f "San Francisco, CA") "San Francisco"))
(constraint (= (f "Denver, CO") "Denver"))
(constraint (= (f "New York, NY") "New York"))
(constraint (= (f "Portland, OR") "Portland"))

(check-synth)
