None.attr
