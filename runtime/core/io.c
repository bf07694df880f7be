/*
 * io.c: the state's standard streams and files: output buffered and handed
 * to the embedder's write callback (stderr unbuffered, stdout flushed before
 * it, as a terminal shows them), lines from its read_line callback, and whole
 * source files read from disk. Errors come back as codes: the layers above
 * turn them into Python exceptions.
 */
#include "io.h"
#include <stdio.h>
#include <string.h>

static void flush_buf(rs_State *S, OutBuf *b, int stream) {
    if (b->len && S->opts.write) S->opts.write(S->opts.write_ud, stream, b->data, b->len);
    b->len = 0;
}

void io_flush(rs_State *S) {
    flush_buf(S, &S->out, 1);
    flush_buf(S, &S->err, 2);
}

void io_write(rs_State *S, int stream, const char *data, size_t len) {
    OutBuf *b = stream == 2 ? &S->err : &S->out;
    if (stream == 2) flush_buf(S, &S->out, 1);
    if (b->len + len > RS_OUTBUF_SIZE) flush_buf(S, b, stream);
    if (len > RS_OUTBUF_SIZE) {
        if (S->opts.write) S->opts.write(S->opts.write_ud, stream, data, len);
    } else {
        memcpy(b->data + b->len, data, len);
        b->len += len;
    }
    if (stream == 2) flush_buf(S, b, 2);
}

int io_read_line(rs_State *S, Buf *b) {
    io_flush(S);
    if (!S->opts.read_line) return 0;
    char chunk[1024];
    for (;;) {
        size_t n = S->opts.read_line(S->opts.read_ud, chunk, sizeof chunk);
        if (n == 0) return b->len > 0;
        buf_add(b, chunk, n);
        if (b->failed) return -1;
        if (chunk[n - 1] == '\n') return 1;
    }
}

/* Reads a whole file into a NUL-terminated block of len + 1 bytes: 1 read, 0 no such file, -1 error (set). */
int io_read_file(rs_State *S, const char *path, char **data, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    Buf b;
    buf_init(&b, &S->mem);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(&b, chunk, n);
    bool err = ferror(f) != 0;
    fclose(f);
    if (b.failed || err) {
        buf_free(&b);
        return err ? IO_READ_ERROR : IO_NO_MEMORY;
    }
    /* hand over a block of exactly len + 1 bytes */
    *len = b.len;
    *data = mem_alloc(&S->mem, b.len + 1);
    if (!*data) {
        buf_free(&b);
        return IO_NO_MEMORY;
    }
    if (b.len) memcpy(*data, b.data, b.len);
    (*data)[b.len] = 0;
    buf_free(&b);
    return 1;
}
