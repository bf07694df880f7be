/*
 * frame.h: execution frames. A frame holds a code object's locals, cells
 * and value stack, and its block stack of active try/with handlers. Frames
 * are objects: a traceback that refers to one keeps its locals alive, as in
 * CPython; otherwise a frame dies when its call returns, releasing its locals.
 */
#ifndef RS_FRAME_H
#define RS_FRAME_H

#include "object.h"
#include "func.h"

#define FRAME_MAX_BLOCKS 20

typedef struct Block {
    int32_t handler;   /* instruction to jump to */
    int32_t level;     /* value stack depth to unwind to */
} Block;

typedef struct Frame {
    Obj ob;
    struct Frame *back;    /* the caller (a reference: a stored traceback keeps the chain alive, as in CPython) */
    Code *code;
    Func *func;            /* NULL for module code */
    Dict *globals;
    Dict *builtins;
    Obj *locals;           /* the locals mapping of module and class bodies; NULL in functions */
    Obj *gen_handled;      /* generators: the exception being handled inside, kept while suspended */
    int32_t ip;            /* next instruction */
    int32_t lasti;         /* instruction being executed */
    int32_t clock_mark;    /* instructions from here to lasti are not yet in the state's clock (gc/observe.h) */
    int32_t sp;            /* stack depth */
    int32_t nblocks;
    int32_t nslots;        /* locals + cells + free variables */
    bool running, finished;
    Block blocks[FRAME_MAX_BLOCKS];
    Obj *slots[];          /* locals, cells, free variables, then the value stack */
} Frame;

Frame *frame_new(rs_State *S, Code *code, Dict *globals, Obj *locals, Func *func);
int frame_lineno(Frame *f);
/* Releases the locals and stack (frame.clear() and the end of a call). */
void frame_clear_locals(rs_State *S, Frame *f);
/* f as a Python-visible object: from now on it counts in gc.get_count(), as CPython 3.11 allocates a frame
   object only when one is asked for (tracebacks, sys._getframe, f_back, gi_frame). Returns f. */
Frame *frame_materialize(rs_State *S, Frame *f);
/* f's code has finished: the caller link goes, unless something keeps f (a traceback), which then keeps the
   caller too, made an object as CPython's take_ownership does. */
void frame_detach(rs_State *S, Frame *f);
void frame_init_type(rs_State *S);

#endif
