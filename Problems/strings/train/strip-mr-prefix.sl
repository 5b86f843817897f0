; Drop the title 'Mr. ' from a name.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x "Mr. " " " (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "Mr. Bond") "Bond"))
(constraint (= (f "Mr. Smith") "Smith"))
(constraint (= (f "Mr. T") "T"))
(constraint (= (f "Mr. Rogers") "Rogers"))
(constraint (= (f "Mr. Bean") "Bean"))

(check-synth)
