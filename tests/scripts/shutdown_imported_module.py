# a module imported by the script keeps its own objects until its turn
# gc-stress: skip (the order comes from where earlier collections left the objects in the generation lists)
import mod_shutdown_helper as helper
class Local:
    def __del__(self): print("Local del; helper still there:", helper.Tracked is not None)
local = Local()
helper.keep.append(helper.Tracked("appended by main"))
print("end")
