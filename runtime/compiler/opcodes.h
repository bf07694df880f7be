/*
 * opcodes.h: every bytecode instruction, defined once. The compiler, the
 * VM's dispatch table and the disassembler are all generated from this list.
 * An instruction is one 32-bit word: the opcode in the low 8 bits, its
 * argument in the high 24. Jump targets are instruction indices.
 *
 * OPCODE(name, stack effect, what it does)
 */
#ifndef RS_OPCODES_H
#define RS_OPCODES_H

#define RS_OPCODES(OPCODE) \
    OPCODE(NOP, 0, "does nothing") \
    OPCODE(POP_TOP, -1, "discards the top of the stack") \
    OPCODE(DUP_TOP, 1, "pushes the top again") \
    OPCODE(DUP_TOP_TWO, 2, "pushes the top two again, in order") \
    OPCODE(ROT_TWO, 0, "swaps the top two") \
    OPCODE(ROT_THREE, 0, "lifts the second and third, sinking the top to third") \
    OPCODE(ROT_FOUR, 0, "sinks the top to fourth") \
    OPCODE(LOAD_CONST, 1, "pushes consts[arg]") \
    OPCODE(LOAD_FAST, 1, "pushes local arg; UnboundLocalError when unset") \
    OPCODE(STORE_FAST, -1, "pops into local arg") \
    OPCODE(DELETE_FAST, 0, "unbinds local arg") \
    OPCODE(LOAD_DEREF, 1, "pushes the contents of cell arg") \
    OPCODE(STORE_DEREF, -1, "pops into cell arg") \
    OPCODE(DELETE_DEREF, 0, "empties cell arg") \
    OPCODE(LOAD_CLOSURE, 1, "pushes cell arg itself, to build a closure") \
    OPCODE(LOAD_CLASSDEREF, 1, "class body: the locals mapping first, then cell arg") \
    OPCODE(LOAD_NAME, 1, "pushes names[arg] from locals, globals, then builtins") \
    OPCODE(STORE_NAME, -1, "pops into the locals mapping under names[arg]") \
    OPCODE(DELETE_NAME, 0, "deletes names[arg] from the locals mapping") \
    OPCODE(LOAD_GLOBAL, 1, "pushes names[arg] from globals, then builtins") \
    OPCODE(STORE_GLOBAL, -1, "pops into globals[names[arg]]") \
    OPCODE(DELETE_GLOBAL, 0, "deletes globals[names[arg]]") \
    OPCODE(LOAD_ATTR, 0, "replaces the top with its attribute names[arg]") \
    OPCODE(STORE_ATTR, -2, "TOS.names[arg] = TOS1") \
    OPCODE(DELETE_ATTR, -1, "del TOS.names[arg]") \
    OPCODE(LOAD_METHOD, 1, "replaces TOS with (method, self) or (callable, NULL)") \
    OPCODE(CALL_METHOD, -1, "calls what LOAD_METHOD left with arg arguments") \
    OPCODE(BINARY_SUBSCR, -1, "TOS1[TOS]") \
    OPCODE(STORE_SUBSCR, -3, "TOS1[TOS] = TOS2") \
    OPCODE(DELETE_SUBSCR, -2, "del TOS1[TOS]") \
    OPCODE(BINARY_OP, -1, "TOS1 op TOS, op being OP_* (+ OP_INPLACE)") \
    OPCODE(UNARY_NEG, 0, "-TOS") \
    OPCODE(UNARY_POS, 0, "+TOS") \
    OPCODE(UNARY_INVERT, 0, "~TOS") \
    OPCODE(UNARY_NOT, 0, "not TOS") \
    OPCODE(COMPARE_OP, -1, "TOS1 cmp TOS, cmp being CMP_*") \
    OPCODE(IS_OP, -1, "TOS1 is TOS (is not when arg is 1)") \
    OPCODE(CONTAINS_OP, -1, "TOS1 in TOS (not in when arg is 1)") \
    OPCODE(JUMP, 0, "jumps to arg") \
    OPCODE(POP_JUMP_IF_FALSE, -1, "pops; jumps when false") \
    OPCODE(POP_JUMP_IF_TRUE, -1, "pops; jumps when true") \
    OPCODE(JUMP_IF_FALSE_OR_POP, 0, "jumps keeping TOS when false, else pops") \
    OPCODE(JUMP_IF_TRUE_OR_POP, 0, "jumps keeping TOS when true, else pops") \
    OPCODE(GET_ITER, 0, "iter(TOS)") \
    OPCODE(FOR_ITER, 1, "pushes next(TOS); when exhausted pops the iterator and jumps to arg") \
    OPCODE(BUILD_TUPLE, 0, "pops arg items into a tuple (effect 1 - arg)") \
    OPCODE(BUILD_LIST, 0, "pops arg items into a list") \
    OPCODE(BUILD_SET, 0, "pops arg items into a set") \
    OPCODE(BUILD_MAP, 0, "pops arg key/value pairs into a dict") \
    OPCODE(BUILD_SLICE, 0, "pops 2 or 3 bounds into a slice") \
    OPCODE(BUILD_STRING, 0, "concatenates arg strings") \
    OPCODE(LIST_APPEND, -1, "appends TOS to the list arg deep") \
    OPCODE(SET_ADD, -1, "adds TOS to the set arg deep") \
    OPCODE(MAP_ADD, -2, "sets TOS1: TOS in the dict arg deep") \
    OPCODE(LIST_EXTEND, -1, "extends the list arg deep with the iterable TOS") \
    OPCODE(SET_UPDATE, -1, "updates the set arg deep with the iterable TOS") \
    OPCODE(DICT_UPDATE, -1, "updates the dict arg deep with the mapping TOS") \
    OPCODE(DICT_MERGE, -1, "as DICT_UPDATE, but duplicate keys are an error (calls)") \
    OPCODE(LIST_TO_TUPLE, 0, "tuple(TOS)") \
    OPCODE(UNPACK_SEQUENCE, 0, "unpacks TOS into arg values, the first on top") \
    OPCODE(UNPACK_EX, 0, "unpacks with a star: arg = before | after << 8") \
    OPCODE(CALL, 0, "calls with arg positional arguments (effect -arg)") \
    OPCODE(CALL_KW, 0, "calls with arg arguments; TOS is the tuple of keyword names") \
    OPCODE(CALL_EX, 0, "calls TOS2(*TOS1, **TOS) (TOS only when arg is 1)") \
    OPCODE(MAKE_FUNCTION, 0, "makes a function of the code on top; arg flags: 1 defaults, 2 kwdefaults, 8 closure") \
    OPCODE(RETURN_VALUE, -1, "returns TOS") \
    OPCODE(YIELD_VALUE, 0, "yields TOS; the value sent replaces it") \
    OPCODE(YIELD_FROM, -1, "delegates to the iterator TOS1, sending TOS") \
    OPCODE(GET_YIELD_FROM_ITER, 0, "iter(TOS) unless it is a generator") \
    OPCODE(RAISE, 0, "raise (arg 0), raise TOS (1), raise TOS1 from TOS (2)") \
    OPCODE(SETUP_EXCEPT, 0, "pushes a handler block jumping to arg") \
    OPCODE(POP_BLOCK, 0, "pops the innermost handler block") \
    OPCODE(PUSH_EXC_INFO, 0, "handler entry: TOS exc becomes the handled one; the previous is kept on the stack") \
    OPCODE(POP_EXCEPT, -1, "pops the previous handled exception and restores it") \
    OPCODE(LOAD_HANDLED, 1, "pushes the exception being handled") \
    OPCODE(CHECK_EXC_MATCH, -1, "isinstance(TOS1, TOS) for except clauses") \
    OPCODE(RERAISE, -1, "raises TOS again, keeping its traceback") \
    OPCODE(POP_EXCEPT_RERAISE, -2, "restores the handled exception from TOS1, re-raises TOS") \
    OPCODE(BEFORE_WITH, 1, "replaces the manager with its __exit__ and pushes __enter__()") \
    OPCODE(WITH_EXCEPT_START, 1, "calls __exit__ (three below the handled exception) with it") \
    OPCODE(WITH_EXIT, -1, "calls TOS(None, None, None) and pops it") \
    OPCODE(FORMAT_VALUE, 0, "formats for an f-string; arg: 1 str 2 repr 3 ascii, 4 a spec is on top") \
    OPCODE(IMPORT_NAME, -1, "imports names[arg]; TOS is the fromlist") \
    OPCODE(IMPORT_FROM, 1, "pushes attribute names[arg] of the module TOS") \
    OPCODE(IMPORT_STAR, -1, "copies the public names of the module TOS into locals") \
    OPCODE(LOAD_BUILD_CLASS, 1, "pushes __build_class__") \
    OPCODE(LOAD_LOCALS, 1, "pushes the locals mapping") \
    OPCODE(LOAD_ASSERTION_ERROR, 1, "pushes AssertionError") \
    OPCODE(PRINT_EXPR, -1, "the interactive prompt's display of an expression") \
    OPCODE(SETUP_ANNOTATIONS, 0, "creates __annotations__ in the locals mapping")

typedef enum {
#define OPCODE_ENUM(name, effect, doc) OP_##name,
    RS_OPCODES(OPCODE_ENUM)
#undef OPCODE_ENUM
    OP_COUNT_
} Opcode;

#define INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_OP(w) ((w) & 0xFF)
#define INSTR_ARG(w) ((w) >> 8)

#endif
