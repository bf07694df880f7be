/*
 * names.h: identifiers the runtime looks up often, interned once per state
 * (S->names[NAME_x]) so lookups compare pointers.
 */
#ifndef RS_NAMES_H
#define RS_NAMES_H

#define RS_NAMES(X) \
    X(__init__) X(__new__) X(__del__) X(__repr__) X(__str__) X(__hash__) X(__eq__) X(__ne__) \
    X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__getattr__) X(__getattribute__) X(__setattr__) \
    X(__delattr__) X(__call__) X(__iter__) X(__next__) X(__len__) X(__getitem__) X(__setitem__) \
    X(__delitem__) X(__contains__) X(__bool__) X(__neg__) X(__pos__) X(__invert__) X(__abs__) \
    X(__index__) X(__get__) X(__set__) X(__delete__) X(__enter__) X(__exit__) X(__name__) \
    X(__qualname__) X(__module__) X(__dict__) X(__class__) X(__doc__) X(__slots__) X(__classcell__) \
    X(__builtins__) X(__weakref__) X(__init_subclass__) X(__set_name__) X(__float__) X(__int__) \
    X(__format__) X(__round__) X(__missing__) X(__mro__) X(__bases__) X(__base__) X(__file__) \
    X(__main__) X(__annotations__) X(__trunc__) X(__reversed__) X(__length_hint__) X(__spec__) \
    X(__add__) X(__sub__) X(__mul__) X(__truediv__) X(__floordiv__) X(__mod__) X(__pow__) \
    X(__lshift__) X(__rshift__) X(__and__) X(__or__) X(__xor__) X(__matmul__) \
    X(__radd__) X(__rsub__) X(__rmul__) X(__rtruediv__) X(__rfloordiv__) X(__rmod__) X(__rpow__) \
    X(__rlshift__) X(__rrshift__) X(__rand__) X(__ror__) X(__rxor__) X(__rmatmul__) \
    X(__iadd__) X(__isub__) X(__imul__) X(__itruediv__) X(__ifloordiv__) X(__imod__) X(__ipow__) \
    X(__ilshift__) X(__irshift__) X(__iand__) X(__ior__) X(__ixor__) X(__imatmul__) \
    X(keys) X(send) X(close) X(throw) X(write) X(flush) X(__import__) X(__path__) X(__all__)

enum {
#define NAME_ENUM(n) NAME_##n,
    RS_NAMES(NAME_ENUM)
#undef NAME_ENUM
    NAME_COUNT_
};

/* The interned Str for NAME_x (borrowed). */
#define NAME(x) (S->names[NAME_##x])

#endif
