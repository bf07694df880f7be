/*
 * io.h: the state's standard streams and source files (io.c).
 */
#ifndef RS_IO_H
#define RS_IO_H

#include "buf.h"
#include "state.h"

/* Writes to stream 1 (stdout, buffered) or 2 (stderr, written at once after stdout's buffer). */
void io_write(rs_State *S, int stream, const char *data, size_t len);
void io_flush(rs_State *S);
/* Appends one line of standard input to b: 1 read, 0 at the end of input, -1 out of memory. */
int io_read_line(rs_State *S, Buf *b);

enum { IO_READ_ERROR = -1, IO_NO_MEMORY = -2 };
/* Reads a whole file into a new block of *len + 1 bytes (NUL-terminated; free with mem_free): 1 read,
   0 no such file, or an IO_ error. */
int io_read_file(rs_State *S, const char *path, char **data, size_t *len);

#endif
