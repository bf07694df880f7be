import sys
class Big:
    def __init__(self, n): self.n = n
    def __del__(self): print("Big", self.n, "freed")
def work():
    big = Big(1)
    raise ValueError("failure")
try:
    work()
except ValueError:
    saved_tb = sys.exc_info()[2]
print("traceback stored: the frame's locals are alive")
frame = saved_tb.tb_next.tb_frame
print(frame.f_locals["big"].n)
del frame
saved_tb = None
print("traceback cleared")
