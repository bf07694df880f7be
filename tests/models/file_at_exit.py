# A file written and never closed, still open when the program ends: its data must reach the disk.
import sys
f = open(sys.argv[1], "w")
f.write("written, never closed\n")
