"""Argument checks done before any call, naming the argument at fault."""

U32_MAX = 0xFFFFFFFF


def u32(function, name, value):
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{function}: argument '{name}' must be an int, "
                        f"not {type(value).__name__}")
    if not 0 <= value <= U32_MAX:
        raise ValueError(f"{function}: argument '{name}' must be in 0..{U32_MAX}, "
                         f"not {value}")
    return value


def text(function, name, value, optional=False):
    if value is None and optional:
        return None
    if not isinstance(value, str):
        allowed = "a str or None" if optional else "a str"
        raise TypeError(f"{function}: argument '{name}' must be {allowed}, "
                        f"not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{function}: argument '{name}' contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{function}: argument '{name}' is not encodable "
                         f"as UTF-8") from None
    return value


def flag(function, name, value):
    if not isinstance(value, bool):
        raise TypeError(f"{function}: argument '{name}' must be a bool, "
                        f"not {type(value).__name__}")
    return value
