; Append the extension .txt.
(set-logic SLIA)

(synth-fun f ((x String)) String
    ((S String) (I Int))
    ((S String (x ".txt" "." (str.++ S S) (str.at S I) (str.substr S I I) (str.replace S S S) (str.from_int I)))
     (I Int (0 1 (+ I I) (- I I) (str.len S) (str.indexof S S I) (str.to_int S)))))

(declare-var x String)
(constraint (= (f "notes") "notes.txt"))
(constraint (= (f "todo") "todo.txt"))
(constraint (= (f "README") "README.txt"))
(constraint (= (f "a") "a.txt"))
(constraint (= (f "chapter1") "chapter1.txt"))

(check-synth)
