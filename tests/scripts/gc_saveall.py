import gc
gc.disable()
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
print(gc.collect(), len(gc.garbage), type(gc.garbage[0]).__name__, gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect(), gc.garbage)
