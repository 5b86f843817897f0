; The year of an ISO date.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "-" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 4 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "2021-03-15") "2021"))
(constraint (= (f "1999-12-31") "1999"))
(constraint (= (f "2024-02-29") "2024"))
(constraint (= (f "1970-01-01") "1970"))
(constraint (= (f "2010-07-04") "2010"))

(check-synth)
