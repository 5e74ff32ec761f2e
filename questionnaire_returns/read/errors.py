"""ReadError: why a file could not be read, in words a member of staff understands."""

from __future__ import annotations


class ReadError(Exception):
    """A file that gives no Document; `reason` is shown to staff as it is."""

    def __init__(self, source_file: str, reason: str):
        super().__init__(f"{source_file}: {reason}")
        self.source_file = source_file
        self.reason = reason

    def __reduce__(self):  # survives pickling between worker processes
        return (type(self), (self.source_file, self.reason))
