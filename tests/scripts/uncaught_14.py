assert False, "explicit failure"
