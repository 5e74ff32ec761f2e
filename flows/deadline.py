"""A time limit on reading one file, enforced in the worker that reads it.

`within(seconds, what)` raises `OverTime` in the reading thread when the block runs longer:
in a process's main thread through SIGALRM (which also interrupts a blocking system call),
in any other thread (the thread runner, Dask) by an asynchronous exception that Python
delivers at the thread's next bytecode. Either way the worker survives and goes on with
the next file; only the file over its limit fails, with that reason.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class OverTime(Exception):
    """The file took longer than its limit; the message says which limit."""


@contextmanager
def within(seconds: float | None, what: str) -> Iterator[None]:
    if not seconds or seconds <= 0:
        yield
        return
    message = f"reading it took longer than {seconds:g} s, the limit set in config.yaml (reader.max_seconds)"
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def alarm(signum, frame):
            raise OverTime(message)

        previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    target = threading.get_ident()
    done = threading.Event()
    lock = threading.Lock()
    fired = []

    def interrupt() -> None:
        with lock:
            if done.is_set():
                return
            fired.append(1)
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(OverTime))

    timer = threading.Timer(seconds, interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield
    except OverTime:
        raise OverTime(message) from None
    finally:
        with lock:
            done.set()
        timer.cancel()
        if fired:  # an exception queued just as the block ended must not fire later
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
