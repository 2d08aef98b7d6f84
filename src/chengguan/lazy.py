"""A process-wide value loaded on first use: the statute base, the catalog, the calendar, the periods and the
policies are each read once per process and can be replaced (admin-entered data) or dropped (reload)."""

from __future__ import annotations

import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    def __init__(self, load: Callable[[], T]):
        self._load = load
        self._value: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        with self._lock:
            if self._value is None:
                self._value = self._load()
            return self._value

    def set(self, value: T | None) -> None:
        """Install a value, or None to load afresh on the next get()."""
        with self._lock:
            self._value = value
