# a forgotten comma in a dict display
table = {1: "one" 2: "two"}
