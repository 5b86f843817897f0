; Capitalised abbreviation of three words: International Business Machines -> I.B.M.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x " " "." (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "International Business Machines") "I.B.M."))
(constraint (= (f "Central Processing Unit") "C.P.U."))
(constraint (= (f "Read Only Memory") "R.O.M."))
(constraint (= (f "Portable Document Format") "P.D.F."))
(constraint (= (f "Very Large Scale") "V.L.S."))

(check-synth)
