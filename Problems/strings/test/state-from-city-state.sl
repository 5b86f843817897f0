; The state code of 'City, ST'.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "," " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 2 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "Austin, TX") "TX"))
(constraint (= (f "Boston, MA") "MA"))
(constraint (= (f "San Francisco, CA") "CA"))
(constraint (= (f "Denver, CO") "CO"))
(constraint (= (f "New York, NY") "NY"))
(constraint (= (f "Portland, OR") "OR"))

(check-synth)
