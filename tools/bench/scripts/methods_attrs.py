# Method calls and attribute access on small objects, with inheritance.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def dot(self, other):
        return self.x * other.x + self.y * other.y

class Particle:
    def __init__(self, x, y):
        self.pos = Vector(x, y)
        self.vel = Vector(1, -1)
    def step(self):
        self.pos = self.pos.add(self.vel)
        return self.pos.dot(self.vel)

class Heavy(Particle):
    def step(self):
        return Particle.step(self) * 2

ps = [Particle(i, i) if i % 3 else Heavy(i, i) for i in range(100)]
total = 0
for t in range(20000):
    for p in ps:
        total += p.step()
print(total)
