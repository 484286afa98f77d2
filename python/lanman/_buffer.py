"""Buffer: a NetApi buffer, held by a PyCapsule, seen as a sequence of dicts."""
from . import _lanman_core as _core


class Buffer:
    """The records of one NetApi buffer.

    ``len(buf)``, ``buf[i]`` (a dict copied out of the buffer), iteration,
    ``buf.free()`` and ``with buf:`` (frees on exit).  ``buf.capsule`` is the
    PyCapsule ``"lanman.NetApiBuffer"``; whichever is collected last frees
    the NetApi memory, exactly once, unless it was freed before.  After a
    free every access raises ValueError.
    """

    __slots__ = ("_capsule",)

    def __init__(self, capsule):
        self._capsule = capsule

    @property
    def capsule(self):
        return self._capsule

    @property
    def freed(self):
        return bool(_core.buffer_is_freed(self._capsule))

    @property
    def level(self):
        """``(family, level)``, e.g. ``("USER_INFO", 1)``; None for raw memory."""
        return _core.buffer_level(self._capsule)

    def _check_live(self):
        if _core.buffer_is_freed(self._capsule):
            raise ValueError("the buffer was already freed")

    def __len__(self):
        self._check_live()
        return _core.buffer_count(self._capsule)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.records()[index]
        if not isinstance(index, int) or isinstance(index, bool):
            raise TypeError(f"record index must be an int, not {type(index).__name__}")
        return _core.record(self._capsule, index)

    def __iter__(self):
        return iter(self.records())

    def records(self):
        """Every record as a list of dicts."""
        return _core.records(self._capsule)

    def free(self):
        """NetApiBufferFree now; a second free raises ValueError."""
        _core.buffer_free(self._capsule)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if not _core.buffer_is_freed(self._capsule):
            _core.buffer_free(self._capsule)
        return False

    def __repr__(self):
        if self.freed:
            return "<lanman.Buffer freed>"
        level = self.level
        what = f"{level[0]}_{level[1]}" if level else "raw"
        return f"<lanman.Buffer {what}, {len(self)} records>"
