"abc" * "d"
