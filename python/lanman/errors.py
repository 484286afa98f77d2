"""lanman's exception: a failed NetApi call."""


class NetApiError(OSError):
    """A NetApi call failed.

    ``code`` is the NET_API_STATUS, ``name`` its symbolic name
    (``"NERR_UserNotFound"``), ``function`` the NetApi function and
    ``server`` the server it was sent to ("" for the local machine).
    The message never holds a password.
    """

    def __init__(self, code, name, function, server, message):
        super().__init__(code, message)
        self.code = code
        self.name = name
        self.function = function
        self.server = server

    @property
    def winerror(self):
        """The code under pywin32's name for it."""
        return self.code

    def __str__(self):
        return self.strerror

    def __reduce__(self):
        return (type(self), (self.code, self.name, self.function, self.server,
                             self.strerror))
