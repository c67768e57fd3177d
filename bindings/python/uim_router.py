"""UIMRouter from Python: routes tobacco-pack UIM codes to the issuing Party through libUIMRouterC (ctypes).

    from uim_router import Router

    with Router() as router:                         # None: the registry bundled in the library
        router.route("X1234")                        # the contract's JSON result, as a dict
        router.decide("X1234")                       # ("routed", "AA"): status and Party only, fast
        for result in router.route_many(open("uims.txt").read().splitlines()):
            ...

The library is found through `Router(library=...)`, else the UIM_ROUTER_LIB environment variable, else the dynamic
loader (libUIMRouterC.so.0 on LD_LIBRARY_PATH or in a system folder). Every C function the module calls has its
argtypes and restype declared: ctypes' defaults (int arguments and results) truncate 64-bit pointers.

A Router may be used from several threads at once (the library releases the GIL during each call and is
thread-safe); close() it, or leave the `with` block, only when no call is running.
"""

import ctypes
import datetime
import json
import os
import threading
from typing import Iterable, Iterator, Optional, Tuple, Union

__all__ = ["Router", "UIMRouterError", "version", "STATUSES"]

# uim_router.h: return codes and statuses.
_OK = 0
_ERROR = -1
_ERROR_DATE = -2
_ERROR_BUFFER_TOO_SMALL = -3
#: Status names by the header's UIM_ROUTER_ROUTED … UIM_ROUTER_INVALID values.
STATUSES = {1: "routed", 2: "ambiguous", 3: "unrouted", 4: "invalid"}

UIM = Union[str, bytes, bytearray, memoryview]
Date = Union[None, str, datetime.date]


class UIMRouterError(Exception):
    """A registry did not load; `diagnostics` holds the problems (FILE:LINE:COLUMN: error: message lines)."""

    def __init__(self, message: str, diagnostics: str = ""):
        super().__init__(message + (":\n" + diagnostics if diagnostics else ""))
        self.diagnostics = diagnostics


_libraries = {}
_libraries_lock = threading.Lock()


def _declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Declares every function of uim_router.h that this module calls."""
    c_char_buffer = ctypes.POINTER(ctypes.c_char)
    lib.uim_router_version.argtypes = []
    lib.uim_router_version.restype = ctypes.c_char_p
    lib.uim_router_open.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.uim_router_open.restype = ctypes.c_void_p
    lib.uim_router_route.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, c_char_buffer,
                                     ctypes.c_size_t]
    lib.uim_router_route.restype = ctypes.c_long
    lib.uim_router_decide.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                      ctypes.POINTER(ctypes.c_int), c_char_buffer, ctypes.c_size_t]
    lib.uim_router_decide.restype = ctypes.c_int
    lib.uim_router_route_batch.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p),
                                           ctypes.POINTER(ctypes.c_size_t), ctypes.c_size_t, ctypes.c_char_p,
                                           c_char_buffer, ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)]
    lib.uim_router_route_batch.restype = ctypes.c_long
    lib.uim_router_reload.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.uim_router_reload.restype = ctypes.c_int
    lib.uim_router_digest.argtypes = [ctypes.c_void_p, c_char_buffer, ctypes.c_size_t]
    lib.uim_router_digest.restype = ctypes.c_int
    lib.uim_router_open_trusted.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t,
                                            ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]
    lib.uim_router_open_trusted.restype = ctypes.c_void_p
    lib.uim_router_release_version.argtypes = [ctypes.c_void_p]
    lib.uim_router_release_version.restype = ctypes.c_long
    lib.uim_router_close.argtypes = [ctypes.c_void_p]
    lib.uim_router_close.restype = None
    lib.uim_router_free_string.argtypes = [ctypes.c_void_p]
    lib.uim_router_free_string.restype = None
    return lib


def _library(path: Optional[str] = None) -> ctypes.CDLL:
    path = path or os.environ.get("UIM_ROUTER_LIB") or "libUIMRouterC.so.0"
    with _libraries_lock:
        if path not in _libraries:
            _libraries[path] = _declare(ctypes.CDLL(path))
        return _libraries[path]


def version(library: Optional[str] = None) -> str:
    """The library's version, "MAJOR.MINOR.PATCH"."""
    return _library(library).uim_router_version().decode()


def _bytes(uim: UIM) -> bytes:
    if isinstance(uim, str):
        return uim.encode("utf-8", "surrogateescape")
    return bytes(uim)


def _date(date: Date) -> Optional[bytes]:
    if date is None:
        return None
    if isinstance(date, datetime.date):
        return date.isoformat().encode()
    return str(date).encode()


class Router:
    """A registry opened through libUIMRouterC: `directory` is a registry folder, None the bundled registry.

    With `trust` (paths of public key files, NAME.pub from `uim-router keygen`), `directory` must hold a signed
    release (`_release.json`) signed by at least `threshold` of those keys and listing exactly the folder's Party
    files; every reload is held to the same, and a reload to an older release is refused."""

    #: Bytes of the output buffer route_many starts with (it grows when one line needs more).
    buffer_size = 64 * 1024
    #: UIMs per uim_router_route_batch call in route_many.
    chunk_size = 512

    def __init__(self, directory: Optional[Union[str, os.PathLike]] = None, *, library: Optional[str] = None,
                 trust: Optional[Iterable[Union[str, os.PathLike]]] = None, threshold: int = 1):
        self._lib = _library(library)
        problems = ctypes.c_void_p()
        folder = None if directory is None else os.fsencode(directory)
        if trust is None:
            handle = self._lib.uim_router_open(folder, ctypes.byref(problems))
        else:
            if folder is None:
                raise ValueError("a trusted Router needs the registry folder that holds the signed release")
            keys = [os.fsencode(key) for key in trust]
            paths = (ctypes.c_char_p * max(len(keys), 1))(*keys)
            handle = self._lib.uim_router_open_trusted(folder, paths, len(keys), threshold, ctypes.byref(problems))
        if not handle:
            raise UIMRouterError(f"cannot open the registry {directory!r}", self._take(problems))
        self._handle = handle
        self._local = threading.local()   # each thread's output buffer: batch calls run in parallel

    # -- lifetime

    def close(self) -> None:
        """Releases the router; further calls raise ValueError. Closing twice is harmless."""
        handle, self._handle = getattr(self, "_handle", None), None
        if handle:
            self._lib.uim_router_close(handle)

    def __enter__(self) -> "Router":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        self.close()

    def _open_handle(self) -> int:
        if not self._handle:
            raise ValueError("the Router is closed")
        return self._handle

    def _take(self, pointer: ctypes.c_void_p) -> str:
        text = ctypes.string_at(pointer.value).decode("utf-8", "replace") if pointer.value else ""
        self._lib.uim_router_free_string(pointer)
        return text

    # -- routing

    def decide(self, uim: UIM, date: Date = None) -> Tuple[str, Optional[str]]:
        """(status, Party) of one UIM: the Party when routed, else None. No JSON is built: the fast call."""
        data = _bytes(uim)
        status = ctypes.c_int(0)
        capacity = 32
        while True:
            party = ctypes.create_string_buffer(capacity)
            code = self._lib.uim_router_decide(self._open_handle(), data, len(data), _date(date),
                                               ctypes.byref(status), party, capacity)
            if code == _ERROR_BUFFER_TOO_SMALL:
                capacity *= 8
                continue
            self._check(code, date)
            return STATUSES[status.value], (party.value.decode() if status.value == 1 else None)

    def route(self, uim: UIM, date: Date = None) -> dict:
        """The contract's result for one UIM: {"uim", "status", "party" (routed only), "matches", "rejected", …}."""
        return next(self.route_many([uim], date))

    def route_many(self, uims: Iterable[UIM], date: Date = None) -> Iterator[dict]:
        """Results of many UIMs, in input order, lazily: UIMs are routed `chunk_size` per call."""
        chunk = []
        for uim in uims:
            chunk.append(_bytes(uim))
            if len(chunk) == self.chunk_size:
                yield from self._route_chunk(chunk, date)
                chunk = []
        if chunk:
            yield from self._route_chunk(chunk, date)

    def _route_chunk(self, chunk: list, date: Date) -> list:
        count = len(chunk)
        pointers = (ctypes.c_char_p * count)(*chunk)
        lengths = (ctypes.c_size_t * count)(*map(len, chunk))
        written = ctypes.c_size_t(0)
        day = _date(date)
        pointer_size = ctypes.sizeof(ctypes.c_char_p)
        length_size = ctypes.sizeof(ctypes.c_size_t)
        results = []
        at = 0
        buffer = getattr(self._local, "buffer", None) or ctypes.create_string_buffer(self.buffer_size)
        while at < count:
            done = self._lib.uim_router_route_batch(
                self._open_handle(), ctypes.cast(ctypes.byref(pointers, at * pointer_size),
                                                 ctypes.POINTER(ctypes.c_char_p)),
                ctypes.cast(ctypes.byref(lengths, at * length_size), ctypes.POINTER(ctypes.c_size_t)),
                count - at, day, buffer, len(buffer), ctypes.byref(written))
            if done == _ERROR_BUFFER_TOO_SMALL:   # not even the next line fits: `written` is its length
                buffer = ctypes.create_string_buffer(max(written.value, 2 * len(buffer)))
                continue
            self._check(done, date)
            text = ctypes.string_at(buffer, written.value)
            results.extend(json.loads(line) for line in text.splitlines())
            at += done
        self._local.buffer = buffer
        return results

    @staticmethod
    def _check(code: int, date: Date) -> None:
        if code == _ERROR_DATE:
            raise ValueError(f"not a YYYY-MM-DD date that exists: {date!r}")
        if code < 0:
            raise ValueError(f"uim_router call failed ({code})")

    # -- the registry in service

    def digest(self) -> str:
        """SHA-256 digest of the registry in service (64 hex digits): record it beside the decisions made."""
        buffer = ctypes.create_string_buffer(65)
        if self._lib.uim_router_digest(self._open_handle(), buffer, len(buffer)) != _OK:
            raise ValueError("uim_router_digest failed")
        return buffer.value.decode()

    @property
    def release_version(self) -> int:
        """The version of the verified release in service; 0 when the Router was opened without `trust`."""
        return self._lib.uim_router_release_version(self._open_handle())

    def reload(self, directory: Optional[Union[str, os.PathLike]] = None) -> str:
        """Loads `directory` (None: the folder this Router was opened with, or the bundled registry) and puts it in
        service; returns its digest. On failure raises UIMRouterError and the old registry stays in service."""
        problems = ctypes.c_void_p()
        folder = None if directory is None else os.fsencode(directory)
        if self._lib.uim_router_reload(self._open_handle(), folder, ctypes.byref(problems)) != _OK:
            raise UIMRouterError(f"cannot reload from {directory!r}", self._take(problems))
        return self.digest()
