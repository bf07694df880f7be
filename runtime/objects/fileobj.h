/*
 * fileobj.h: open() and file objects (fileobj.c).
 */
#ifndef RS_FILEOBJ_H
#define RS_FILEOBJ_H

#include <stdio.h>
#include "object.h"

struct Weakref;

typedef struct FileObj {
    Obj ob;
    FILE *fp;          /* NULL once closed */
    Obj *name;
    Str *mode;
    bool readable, writable, binary;
    struct Weakref *weaklist;
} FileObj;

/* open(name, mode): a new file object, or NULL with OSError (FileNotFoundError, ...) or ValueError set. */
Obj *file_open(rs_State *S, Obj *name, const char *mode);
void file_init_types(rs_State *S);

#endif
