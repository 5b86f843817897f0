; Reformat 2021-03-15 as 15/03/2021.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "-" "/" (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 2 4 5 8 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "2021-03-15") "15/03/2021"))
(constraint (= (f "1999-12-31") "31/12/1999"))
(constraint (= (f "2024-02-29") "29/02/2024"))
(constraint (= (f "1970-01-01") "01/01/1970"))
(constraint (= (f "2010-07-04") "04/07/2010"))

(check-synth)
