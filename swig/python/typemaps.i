/*
** python/typemaps.i -- how the core's types look in Python.
**
** lanman_buffer * is a PyCapsule named "lanman.NetApiBuffer" whose
** destructor calls lanman_buffer_destroy(), i.e. NetApiBufferFree exactly
** once unless the script freed it earlier.  lanman_creds * is a PyCapsule
** named "lanman.Credentials" whose destructor wipes and frees it.
*/

%{
#define LANMAN_BUFFER_CAPSULE "lanman.NetApiBuffer"
#define LANMAN_CREDS_CAPSULE "lanman.Credentials"
#define LANMAN_INPUT_CAPSULE "lanman.Input"

static void lanman_py_buffer_destructor(PyObject *capsule) {
    lanman_buffer_destroy(
        (lanman_buffer *)PyCapsule_GetPointer(capsule, LANMAN_BUFFER_CAPSULE));
}

static void lanman_py_creds_destructor(PyObject *capsule) {
    lanman_creds_free(
        (lanman_creds *)PyCapsule_GetPointer(capsule, LANMAN_CREDS_CAPSULE));
}

/* Takes ownership of b; None for NULL. */
static PyObject *lanman_py_buffer_capsule(lanman_buffer *b) {
    if (b == NULL) Py_RETURN_NONE;
    PyObject *c = PyCapsule_New(b, LANMAN_BUFFER_CAPSULE,
                                lanman_py_buffer_destructor);
    if (c == NULL) lanman_buffer_destroy(b);
    return c;
}

/* Raises the Python exception for a failed core call:
** LANMAN_E_NETAPI -> lanman.errors.NetApiError, LANMAN_E_RANGE ->
** IndexError, LANMAN_E_TYPE -> TypeError, other argument errors and freed
** buffers -> ValueError. */
static void lanman_py_raise(const lanman_error *e) {
    if (e->kind == LANMAN_E_RANGE) {
        PyErr_SetString(PyExc_IndexError, e->message);
        return;
    }
    if (e->kind == LANMAN_E_TYPE) {
        PyErr_SetString(PyExc_TypeError, e->message);
        return;
    }
    if (e->kind != LANMAN_E_NETAPI) {
        PyErr_SetString(PyExc_ValueError, e->message);
        return;
    }
    PyObject *mod = PyImport_ImportModule("lanman.errors");
    PyObject *cls = mod ? PyObject_GetAttrString(mod, "NetApiError") : NULL;
    Py_XDECREF(mod);
    if (cls == NULL) return;   /* the import error stands */
    PyObject *exc = PyObject_CallFunction(
        cls, "kssss", (unsigned long)e->code, e->name, e->function,
        e->server, e->message);
    Py_DECREF(cls);
    if (exc != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    }
}
%}

/* ---- lanman_status: never returned itself ---- */
%typemap(out) lanman_status "$result = SWIG_Py_Void();";

/* ---- lanman_error *err: raise on failure ---- */
%typemap(in, numinputs=0) lanman_error *err (lanman_error temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) lanman_error *err {
    if (result != LANMAN_OK) {
        Py_XDECREF($result);
        $result = NULL;
        lanman_py_raise($1);
        SWIG_fail;
    }
}

/* ---- lanman_buffer **out: a new capsule (None on failure) ---- */
%typemap(in, numinputs=0) lanman_buffer **out (lanman_buffer *temp = NULL) {
    $1 = &temp;
}
%typemap(argout) lanman_buffer **out {
    PyObject *capsule = lanman_py_buffer_capsule(*$1);
    if (capsule == NULL) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, capsule);
}

/* ---- lanman_buffer *: borrowed from a capsule ---- */
%typemap(in) lanman_buffer *, const lanman_buffer * {
    $1 = ($1_ltype)PyCapsule_GetPointer($input, LANMAN_BUFFER_CAPSULE);
    if ($1 == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     "argument 'buf' must be a %s capsule, not %.100s",
                     LANMAN_BUFFER_CAPSULE, Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
}

/* ---- credentials ---- */
%typemap(out) lanman_creds * {
    if ($1 == NULL) {
        PyErr_NoMemory();
        SWIG_fail;
    }
    $result = PyCapsule_New($1, LANMAN_CREDS_CAPSULE,
                            lanman_py_creds_destructor);
    if ($result == NULL) {
        lanman_creds_free($1);
        SWIG_fail;
    }
}
%typemap(in) const lanman_creds * {
    if ($input == Py_None) {
        $1 = NULL;
    } else {
        $1 = ($1_ltype)PyCapsule_GetPointer($input, LANMAN_CREDS_CAPSULE);
        if ($1 == NULL) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError,
                         "argument 'creds' must be None or a %s capsule, "
                         "not %.100s", LANMAN_CREDS_CAPSULE,
                         Py_TYPE($input)->tp_name);
            SWIG_fail;
        }
    }
}

/* ---- bytes in: NetRequestOfflineDomainJoin's blob and its length ---- */
%typemap(in) (const char *provision_bin_data, size_t provision_bin_data_size) {
    if (!PyBytes_Check($input)) {
        PyErr_Format(PyExc_TypeError, "argument 'provision_bin_data' must be "
                     "bytes, not %.100s", Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
    $1 = PyBytes_AS_STRING($input);
    $2 = (size_t)PyBytes_GET_SIZE($input);
}

/* ---- input records: a "lanman.Input" capsule (input_from_records) ---- */
%typemap(in) const lanman_input * {
    $1 = ($1_ltype)PyCapsule_GetPointer($input, LANMAN_INPUT_CAPSULE);
    if ($1 == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     "expected a %s capsule, not %.100s",
                     LANMAN_INPUT_CAPSULE, Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
}

/* Around the calls that go on the wire (lanman.i brackets them): they
** touch no Python object, so other threads run meanwhile; the core's own
** lock serializes libnetapi.  Everything else keeps the GIL, which also
** serializes frees of one buffer from two threads. */
%define LANMAN_WIRE_CALLS_BEGIN
%exception {
    Py_BEGIN_ALLOW_THREADS
    $action
    Py_END_ALLOW_THREADS
}
%enddef
%define LANMAN_WIRE_CALLS_END
%exception;
%enddef
