; The five-digit ZIP code at the end of an address.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x " " "," (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 5 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "Austin, TX 78701") "78701"))
(constraint (= (f "Boston, MA 02115") "02115"))
(constraint (= (f "Denver, CO 80202") "80202"))
(constraint (= (f "Palo Alto, CA 94301") "94301"))
(constraint (= (f "New York, NY 10001") "10001"))

(check-synth)
