/*
 * vm.h: the bytecode interpreter's entry points. eval runs a frame until it
 * returns, raises or (for generators) yields; calls bind arguments to a new
 * frame as CPython's _PyEval_MakeFrameVector does.
 */
#ifndef RS_VM_H
#define RS_VM_H

#include "../objects/object.h"
#include "../objects/frame.h"
#include "../objects/func.h"
/* Runs f from its current instruction. Returns the value returned or yielded (f->finished tells which), NULL on error. */
Obj *vm_eval(rs_State *S, Frame *f, bool throwing);
/* Sets S->clock_alarm from the step deadline, for a run about to start. */
void vm_arm_clock(rs_State *S);
Obj *vm_call_function(rs_State *S, Func *fn, Obj *const *args, size_t nargs, Tuple *kwnames);
/*
 * A Python-to-Python call that takes over the references to its arguments,
 * as CPython 3.11 moves them from the caller's stack into the new frame (so
 * the callee holds the only reference and can release it early).
 */
Obj *vm_call_owned(rs_State *S, Func *fn, Obj **args, size_t nargs);
/* Runs a module-level code object with the given globals (and locals mapping). */
Obj *vm_run_code(rs_State *S, Code *code, Dict *globals, Obj *locals);
/* Imports a module by name (built-in modules, then sibling .py files). */
Obj *vm_import(rs_State *S, Str *name, Obj *fromlist, int level);
/* The __build_class__ built-in. */
Obj *vm_build_class(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kwnames);

#endif
