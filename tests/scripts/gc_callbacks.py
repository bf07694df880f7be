import gc
events = []
def cb(phase, info):
    events.append((phase, info["generation"], info.get("collected")))
gc.callbacks.append(cb)
gc.disable()
class N: pass
n = N(); n.me = n
del n
gc.collect()
gc.callbacks.remove(cb)
print(events)
gc.collect()
print(len(events))
