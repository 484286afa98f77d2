/*
** python/helpers.i -- decoding records into dicts, and the tables (levels,
** errors, constants, counters) as Python objects.  These build Python
** objects, so they keep the GIL.
*/
%{
#include <limits.h>
/* One field as a new Python value: str, int, bytes or None. */
static PyObject *lanman_py_value(const lanman_value *v) {
    if (v->is_null) Py_RETURN_NONE;
    switch (v->type) {
    case LANMAN_T_STR:
    case LANMAN_T_SID:
        return PyUnicode_DecodeUTF8(v->str, (Py_ssize_t)v->len, "replace");
    case LANMAN_T_I32:
        return PyLong_FromLong((long)(int32_t)v->u32);
    case LANMAN_T_HOURS:
    case LANMAN_T_SECDESC:
    case LANMAN_T_BYTES:
        return PyBytes_FromStringAndSize((const char *)v->bytes,
                                         (Py_ssize_t)v->len);
    default:
        return PyLong_FromUnsignedLong(v->u32);
    }
}

/* Whether prev, a value lanman_py_value made for a field of type v->type,
** equals what it would make of v, so that it can be shared instead: str,
** int and bytes are immutable, and consecutive records repeat most of
** their values (empty strings, flags, logon hours, "\\*"). */
static int lanman_py_value_same(PyObject *prev, uint32_t prev_u32,
                                const lanman_value *v) {
    switch (v->type) {
    case LANMAN_T_STR:
    case LANMAN_T_SID:
        /* ASCII only: other bytes might not be valid UTF-8 ("replace"). */
        return PyUnicode_IS_COMPACT_ASCII(prev) &&
               (size_t)PyUnicode_GET_LENGTH(prev) == v->len &&
               memcmp(PyUnicode_DATA(prev), v->str, v->len) == 0;
    case LANMAN_T_HOURS:
    case LANMAN_T_SECDESC:
    case LANMAN_T_BYTES:
        return (size_t)PyBytes_GET_SIZE(prev) == v->len &&
               memcmp(PyBytes_AS_STRING(prev), v->bytes, v->len) == 0;
    default:
        return prev_u32 == v->u32;
    }
}

/* What the records of one level share, built on first use and kept for
** the process's life: the keys as interned str, and a template dict (each
** key -> None, in field order) that every record starts as a copy of, so
** that no record hashes or inserts a key.  Where a record's own (combined)
** table would be over 512 bytes, as with USER_INFO_3's 28 keys, the
** template is the split-table dict of an instance __dict__: its copies
** share its keys and own a values array of 30 slots from pymalloc, where
** each combined table would be a malloc that glibc trims and faults back
** in on every decode of a thousand records.  Either is a plain dict to
** the script. */
typedef struct lanman_py_level {
    const lanman_level *lvl;
    int64_t interp;   /* objects are per interpreter */
    PyObject **keys;
    PyObject *tmpl;
    struct lanman_py_level *next;
} lanman_py_level;

/* A list, not an array: a decode holds its entry while a finalizer run by
** one of its allocations may decode another level and add one. */
static lanman_py_level *lanman_py_levels;

/* A split-table copy of tmpl (a combined dict of keys -> None), or NULL
** (no error set) when CPython gives none with the same keys in the same
** order. */
static PyObject *lanman_py_split_template(PyObject *tmpl) {
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}",
                                          "lanman_record", (PyObject *)&PyBaseObject_Type);
    PyObject *inst = cls ? PyObject_CallNoArgs(cls) : NULL;
    PyObject *dict = NULL, *split = NULL, *key, *val, *key2, *val2;
    Py_ssize_t pos = 0, pos2 = 0;
    while (inst != NULL && PyDict_Next(tmpl, &pos, &key, &val))
        if (PyObject_SetAttr(inst, key, Py_None) != 0) goto done;
    dict = inst ? PyObject_GenericGetDict(inst, NULL) : NULL;
    split = dict ? PyDict_Copy(dict) : NULL;
    if (split == NULL || PyDict_Size(split) != PyDict_Size(tmpl)) goto fail;
    for (pos = 0; PyDict_Next(tmpl, &pos, &key, &val);)
        if (!PyDict_Next(split, &pos2, &key2, &val2) || key2 != key || val2 != Py_None)
            goto fail;
    /* Only None in it: untracked, as CPython leaves such a dict, so that
    ** its copies, the records, are untracked as before. */
    if (PyObject_GC_IsTracked(split)) PyObject_GC_UnTrack(split);
    goto done;
fail:
    Py_CLEAR(split);
done:
    PyErr_Clear();
    Py_XDECREF(dict);
    Py_XDECREF(inst);
    Py_XDECREF(cls);
    return split;
}

/* Whether the combined table of tmpl is over the 512 bytes pymalloc
** serves: only then is a split copy (a values array of some 30 slots)
** smaller and faster; with a few fields it is the other way round. */
static int lanman_py_table_is_large(PyObject *tmpl) {
    PyObject *size = PyObject_CallMethod(tmpl, "__sizeof__", NULL);
    long n = size ? PyLong_AsLong(size) : -1;
    Py_XDECREF(size);
    PyErr_Clear();
    return n > (long)sizeof(PyDictObject) + 512;
}

/* The shared keys and template of lvl; NULL with an exception set. */
static const lanman_py_level *lanman_py_level_get(const lanman_level *lvl) {
    int64_t interp = PyInterpreterState_GetID(PyInterpreterState_Get());
    for (lanman_py_level *e = lanman_py_levels; e != NULL; e = e->next)
        if (e->lvl == lvl && e->interp == interp) return e;
    lanman_py_level *e = PyMem_Malloc(sizeof *e);
    PyObject **keys = e ? PyMem_Calloc(lvl->nfields ? lvl->nfields : 1, sizeof *keys) : NULL;
    PyObject *tmpl = keys ? PyDict_New() : NULL;
    for (size_t f = 0; tmpl != NULL && f < lvl->nfields; f++) {
        keys[f] = PyUnicode_InternFromString(lvl->fields[f].name);
        if (keys[f] == NULL || PyDict_SetItem(tmpl, keys[f], Py_None) != 0)
            Py_CLEAR(tmpl);
    }
    if (tmpl == NULL) {
        for (size_t f = 0; keys && f < lvl->nfields; f++) Py_XDECREF(keys[f]);
        PyMem_Free(keys);
        PyMem_Free(e);
        if (!PyErr_Occurred()) PyErr_NoMemory();
        return NULL;
    }
    PyObject *split = lanman_py_table_is_large(tmpl) ? lanman_py_split_template(tmpl) : NULL;
    if (split != NULL) Py_SETREF(tmpl, split);
    *e = (lanman_py_level){lvl, interp, keys, tmpl, lanman_py_levels};
    lanman_py_levels = e;
    return e;
}

/* Per field of one decode call: the value the last record got, which the
** next shares when equal.  Borrowed from that record, which the list
** holds. */
typedef struct lanman_py_prev {
    PyObject *obj;
    uint32_t u32;
} lanman_py_prev;

/* Record index of b as a new dict, or NULL with an exception set.  The
** caller has checked that b is live, has a level and holds record index.
** prev: nfields entries carried from record to record, or NULL. */
static PyObject *lanman_py_record_dict(const lanman_buffer *b, uint32_t index,
                                       const lanman_py_level *pl,
                                       lanman_py_prev *prev) {
    const lanman_level *lvl = pl->lvl;
    lanman_error err;
    lanman_value v;
    PyObject *d = PyDict_Copy(pl->tmpl);
    for (size_t f = 0; d != NULL && f < lvl->nfields; f++) {
        /* Checked per field: a finalizer run by an allocation here may
        ** have freed the buffer. */
        if (lanman_record_field(b, index, f, &v, &err) != LANMAN_OK) {
            lanman_py_raise(&err);
            Py_CLEAR(d);
            break;
        }
        if (v.is_null) {   /* the template's None */
            if (v.owned) lanman_value_clear(&v);
            if (prev) prev[f].obj = NULL;
            continue;
        }
        PyObject *val;
        if (prev && prev[f].obj && lanman_py_value_same(prev[f].obj, prev[f].u32, &v)) {
            val = prev[f].obj;
            Py_INCREF(val);
        } else {
            val = lanman_py_value(&v);
            if (prev) {
                prev[f].obj = val;
                prev[f].u32 = v.u32;
            }
        }
        if (v.owned) lanman_value_clear(&v);
        if (val == NULL || PyDict_SetItem(d, pl->keys[f], val) != 0) Py_CLEAR(d);
        Py_XDECREF(val);
    }
    return d;
}

/* Raises the core's error for reading record index of b (freed buffer,
** raw memory, index out of range). */
static PyObject *lanman_py_record_error(const lanman_buffer *b, uint32_t index) {
    lanman_error err;
    lanman_value v;
    lanman_record_field(b, index, 0, &v, &err);
    lanman_py_raise(&err);
    return NULL;
}
%}

%inline %{
/* buf[index] as a dict (copied out: valid after the buffer is freed). */
PyObject *record(const lanman_buffer *buf, long index) {
    const lanman_level *lvl = lanman_buffer_level(buf);
    if (lanman_buffer_is_freed(buf) || lvl == NULL)
        return lanman_py_record_error(buf, 0);
    long n = (long)lanman_buffer_count(buf);
    if (index < 0) index += n;   /* Python's negative indexing */
    if (index < 0 || index >= n) {
        PyErr_Format(PyExc_IndexError, "record index out of range "
                     "(%ld records)", n);
        return NULL;
    }
    const lanman_py_level *pl = lanman_py_level_get(lvl);
    return pl ? lanman_py_record_dict(buf, (uint32_t)index, pl, NULL) : NULL;
}

/* Every record of buf as a list of dicts.  The cyclic collector is left
** alone: records holding only str, int, bytes and None are untracked, so
** a collection triggered here does not scan them (gc.disable() around the
** loop measured no different). */
PyObject *records(const lanman_buffer *buf) {
    const lanman_level *lvl = lanman_buffer_level(buf);
    if (lanman_buffer_is_freed(buf)) return lanman_py_record_error(buf, 0);
    uint32_t n = lvl ? lanman_buffer_count(buf) : 0;
    PyObject *list = PyList_New(n);
    if (list == NULL || n == 0) return list;
    const lanman_py_level *pl = lanman_py_level_get(lvl);
    lanman_py_prev *prev = pl ? PyMem_Calloc(lvl->nfields ? lvl->nfields : 1,
                                             sizeof *prev) : NULL;
    if (prev == NULL) {
        if (pl) PyErr_NoMemory();
        Py_DECREF(list);
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++) {
        PyObject *d = lanman_py_record_dict(buf, i, pl, prev);
        if (d == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, d);
    }
    PyMem_Free(prev);
    return list;
}

/* (family, level) of buf, or None for raw NetApiBufferAllocate memory. */
PyObject *buffer_level(const lanman_buffer *buf) {
    const lanman_level *l = lanman_buffer_level(buf);
    if (l == NULL) Py_RETURN_NONE;
    return Py_BuildValue("(sk)", l->family, (unsigned long)l->level);
}

/* {"allocated": n, "freed": n, "live": n} */
PyObject *buffer_stats(void) {
    uint64_t allocated, freed;
    lanman_buffer_stats(&allocated, &freed);
    return Py_BuildValue("{sKsKsK}", "allocated", (unsigned long long)allocated,
                         "freed", (unsigned long long)freed, "live",
                         (unsigned long long)(allocated - freed));
}

/* {(family, level): (struct_name, (field names...))} for every level. */
PyObject *levels(void) {
    PyObject *d = PyDict_New();
    for (size_t i = 0; d != NULL && i < lanman_level_count(); i++) {
        const lanman_level *l = lanman_level_at(i);
        PyObject *names = PyTuple_New((Py_ssize_t)l->nfields);
        for (size_t f = 0; names != NULL && f < l->nfields; f++)
            PyTuple_SET_ITEM(names, f, PyUnicode_FromString(l->fields[f].name));
        PyObject *key = Py_BuildValue("(sk)", l->family, (unsigned long)l->level);
        PyObject *val = names ? Py_BuildValue("(sO)", l->struct_name, names) : NULL;
        if (key == NULL || val == NULL || PyDict_SetItem(d, key, val) != 0)
            Py_CLEAR(d);
        Py_XDECREF(key);
        Py_XDECREF(val);
        Py_XDECREF(names);
    }
    return d;
}

/* {(family, level): (struct_name, ((field, type, required), ...))}: the
** level tables with their types, for docs and stubs. */
PyObject *level_types(void) {
    static const char *const type_names[] = {
        [LANMAN_T_STR] = "str", [LANMAN_T_U32] = "int", [LANMAN_T_U8] = "int",
        [LANMAN_T_I32] = "int",
        [LANMAN_T_TIME] = "time", [LANMAN_T_SID] = "sid",
        [LANMAN_T_HOURS] = "hours", [LANMAN_T_SECDESC] = "secdesc",
        [LANMAN_T_BYTES] = "bytes"};
    PyObject *d = PyDict_New();
    for (size_t i = 0; d != NULL && i < lanman_level_count(); i++) {
        const lanman_level *l = lanman_level_at(i);
        PyObject *fields = PyTuple_New((Py_ssize_t)l->nfields);
        for (size_t f = 0; fields != NULL && f < l->nfields; f++)
            PyTuple_SET_ITEM(fields, f, Py_BuildValue(
                "(ssO)", l->fields[f].name, type_names[l->fields[f].type],
                (l->fields[f].flags & LANMAN_F_REQUIRED) ? Py_True : Py_False));
        PyObject *key = Py_BuildValue("(sk)", l->family, (unsigned long)l->level);
        PyObject *val = fields ? Py_BuildValue("(sO)", l->struct_name, fields) : NULL;
        if (key == NULL || val == NULL || PyDict_SetItem(d, key, val) != 0)
            Py_CLEAR(d);
        Py_XDECREF(key);
        Py_XDECREF(val);
        Py_XDECREF(fields);
    }
    return d;
}

/* Levels the named call accepts, as a tuple of ints. */
PyObject *call_levels(const char *function) {
    uint32_t lv[64];
    size_t n = lanman_call_levels(function, lv, 64);
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    for (size_t i = 0; t != NULL && i < n; i++)
        PyTuple_SET_ITEM(t, i, PyLong_FromUnsignedLong(lv[i]));
    return t;
}

/* {name: value} of the NetApi constants. */
PyObject *constants(void) {
    PyObject *d = PyDict_New();
    for (size_t i = 0; d != NULL && i < lanman_constant_count(); i++) {
        const char *name;
        uint64_t value;
        lanman_constant_at(i, &name, &value);
        PyObject *v = PyLong_FromUnsignedLongLong(value);
        if (v == NULL || PyDict_SetItemString(d, name, v) != 0) Py_CLEAR(d);
        Py_XDECREF(v);
    }
    return d;
}

/* [(code, name, message)] of the error table. */
PyObject *error_table(void) {
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list != NULL && i < lanman_error_count(); i++) {
        uint32_t code;
        const char *name, *message;
        lanman_error_at(i, &code, &name, &message);
        PyObject *row = Py_BuildValue("(kss)", (unsigned long)code, name, message);
        if (row == NULL || PyList_Append(list, row) != 0) Py_CLEAR(list);
        Py_XDECREF(row);
    }
    return list;
}
%}

%{
static void lanman_py_input_destructor(PyObject *capsule) {
    lanman_input_free(
        (lanman_input *)PyCapsule_GetPointer(capsule, LANMAN_INPUT_CAPSULE));
}

/* Sets one field of record index from a Python value, by the field's type:
** str or None for text and SIDs, int for numbers, bytes-like for bytes. */
static int lanman_py_input_set(lanman_input *in, uint32_t index,
                               PyObject *key, PyObject *value) {
    lanman_error err;
    size_t field;
    const lanman_level *l = lanman_input_level(in);
    if (!PyUnicode_Check(key)) {
        PyErr_Format(PyExc_TypeError, "%s: keys must be str, not %.100s",
                     l->struct_name, Py_TYPE(key)->tp_name);
        return -1;
    }
    if (lanman_input_field(in, PyUnicode_AsUTF8(key), &field, &err) != LANMAN_OK) {
        lanman_py_raise(&err);
        return -1;
    }
    const lanman_field *f = &l->fields[field];
    lanman_status st;
    switch (f->type) {
    case LANMAN_T_STR:
    case LANMAN_T_SID: {
        Py_ssize_t len = 0;
        const char *s = NULL;
        if (value != Py_None) {
            if (!PyUnicode_Check(value)) goto wrong;
            s = PyUnicode_AsUTF8AndSize(value, &len);
            if (s == NULL) return -1;
        }
        st = lanman_input_set_text(in, index, field, s, (size_t)len, &err);
        break;
    }
    case LANMAN_T_HOURS:
    case LANMAN_T_SECDESC:
    case LANMAN_T_BYTES: {
        Py_buffer view;
        if (!PyObject_CheckBuffer(value) || PyUnicode_Check(value)) goto wrong;
        if (PyObject_GetBuffer(value, &view, PyBUF_SIMPLE) != 0) return -1;
        st = lanman_input_set_bytes(in, index, field, view.buf, (size_t)view.len,
                                    &err);
        PyBuffer_Release(&view);
        break;
    }
    default: {
        if (!PyLong_Check(value) || PyBool_Check(value)) goto wrong;
        int overflow = 0;
        long long n = PyLong_AsLongLongAndOverflow(value, &overflow);
        if (overflow) {   /* beyond 64 bits: the core words the range */
            n = overflow < 0 ? LLONG_MIN : LLONG_MAX;
        }
        st = lanman_input_set_number(in, index, field, n, &err);
        break;
    }
    }
    if (st != LANMAN_OK) {
        lanman_py_raise(&err);
        return -1;
    }
    return 0;
wrong:
    PyErr_Format(PyExc_TypeError, "%s: field '%s' must be %s, not %.100s",
                 l->struct_name, f->name,
                 f->type == LANMAN_T_STR ? "a str or None"
                 : f->type == LANMAN_T_SID ? "a SID str (S-1-...)"
                 : f->type == LANMAN_T_HOURS || f->type == LANMAN_T_SECDESC ||
                   f->type == LANMAN_T_BYTES ? "bytes"
                 : "an int", Py_TYPE(value)->tp_name);
    return -1;
}
%}

%inline %{
/* A "lanman.Input" capsule holding records (a list of dicts) of
** (family, level): unknown keys, wrong types and missing required fields
** raise before any call. */
PyObject *input_from_records(const char *family, unsigned long level,
                             PyObject *records) {
    if (!PyList_Check(records) && !PyTuple_Check(records)) {
        PyErr_Format(PyExc_TypeError, "records must be a list of dicts, not %.100s",
                     Py_TYPE(records)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(records);
    lanman_input *in;
    lanman_error err;
    if (lanman_input_new(family, (uint32_t)level, (uint32_t)n, &in, &err) != LANMAN_OK) {
        lanman_py_raise(&err);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *d = PySequence_Fast_GET_ITEM(records, i);
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        if (!PyDict_Check(d)) {
            PyErr_Format(PyExc_TypeError, "%s data must be a dict, not %.100s",
                         lanman_input_level(in)->struct_name, Py_TYPE(d)->tp_name);
            goto fail;
        }
        while (PyDict_Next(d, &pos, &key, &value))
            if (lanman_py_input_set(in, (uint32_t)i, key, value) != 0) goto fail;
    }
    if (lanman_input_check(in, &err) != LANMAN_OK) {
        lanman_py_raise(&err);
        goto fail;
    }
    PyObject *capsule = PyCapsule_New(in, LANMAN_INPUT_CAPSULE,
                                      lanman_py_input_destructor);
    if (capsule == NULL) lanman_input_free(in);
    return capsule;
fail:
    lanman_input_free(in);
    return NULL;
}
%}
