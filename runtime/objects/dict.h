/*
 * dict.h: insertion-ordered hash tables, laid out as CPython's compact dict:
 * a sparse index table pointing into a dense array of entries.
 */
#ifndef RS_DICT_H
#define RS_DICT_H

#include "object.h"
#include "str.h"

typedef struct DictEntry {
    int64_t hash;
    Obj *key;    /* NULL: deleted */
    Obj *value;
} DictEntry;

struct Dict {
    Obj ob;
    size_t used;        /* live entries */
    size_t nentries;    /* entries used in the dense array, deleted included */
    size_t size;        /* index slots, a power of two */
    int32_t *index;     /* -1 empty, -2 deleted, else entry number */
    DictEntry *entries; /* size * 2 / 3 of them */
};

#define IS_DICT(o) (TYPE(o) == S->t_dict || (TYPE(o)->flags & TF_DICT_SUBCLASS))

Obj *dict_new(rs_State *S);
/* Borrowed; NULL with no exception when absent. */
Obj *dict_get(rs_State *S, Dict *d, Obj *key);
Obj *dict_get_str_probing(rs_State *S, Dict *d, Str *key);   /* key hashed, no errors */
/* The same, inline: a key found at its first slot by identity (interned names: attributes, globals) costs a few
   loads; anything else probes in dict.c. */
static inline Obj *dict_get_str(rs_State *S, Dict *d, Str *key) {
    if (d->index && key->hash != -1) {
        int32_t ix = d->index[(size_t)key->hash & (d->size - 1)];
        if (ix >= 0 && d->entries[ix].key == (Obj *)key) return d->entries[ix].value;
    }
    return dict_get_str_probing(S, d, key);
}
Obj *dict_get_cstr(rs_State *S, Dict *d, const char *key);
int dict_set(rs_State *S, Dict *d, Obj *key, Obj *value);   /* both borrowed */
int dict_set_cstr(rs_State *S, Dict *d, const char *key, Obj *value);
int dict_del(rs_State *S, Dict *d, Obj *key);               /* KeyError when absent */
/* Removes and returns (new reference) the value, NULL with no error when absent. */
Obj *dict_pop(rs_State *S, Dict *d, Obj *key);
/* Iterates: *pos starts at 0; returns false at the end. Borrowed key/value. */
bool dict_next(Dict *d, size_t *pos, Obj **key, Obj **value);
int dict_update(rs_State *S, Dict *d, Obj *other);
Obj *dict_copy(rs_State *S, Dict *d);
void dict_clear_all(rs_State *S, Dict *d);
void dict_init_type(rs_State *S);

#endif
