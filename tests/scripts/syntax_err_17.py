class X(:
    pass
