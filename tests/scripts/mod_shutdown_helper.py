class Tracked:
    def __init__(self, name): self.name = name
    def __del__(self): print("helper Tracked del", self.name)
keep = [Tracked("helper list")]
_private = Tracked("helper _private")
public = Tracked("helper public")
