import Language
