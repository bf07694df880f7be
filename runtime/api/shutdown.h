/*
 * shutdown.h: what happens to a script's objects when its state closes, in
 * CPython 3.11's order (Py_FinalizeEx and finalize_modules).
 */
#ifndef RS_SHUTDOWN_H
#define RS_SHUTDOWN_H

#include "../objects/object.h"

/* Runs the atexit callbacks, collects, then releases the modules and their globals; finalizers run
   along the way, while as much as CPython keeps is still there. */
void shutdown_finalize(rs_State *S);

#endif
