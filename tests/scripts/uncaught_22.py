def h():
    print(unbound)
    unbound = 1
h()
