/*
 * compile.h: from source text to a code object: parse, analyse scopes,
 * generate bytecode. The only entry point the rest of the runtime uses.
 */
#ifndef RS_COMPILE_H
#define RS_COMPILE_H

#include "../objects/object.h"
#include "../objects/func.h"

enum CompileMode { COMPILE_FILE, COMPILE_EVAL, COMPILE_INTERACTIVE };

/*
 * Returns a new code object, or NULL with a SyntaxError (or MemoryError) set
 * in the state. For COMPILE_INTERACTIVE, *incomplete (when non-NULL) is set
 * when the input ended inside a statement.
 */
Code *compile_source(rs_State *S, const char *src, size_t len, const char *filename, enum CompileMode mode, bool *incomplete);

#endif
