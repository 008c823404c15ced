"""The real app, killed with SIGKILL after a pause in typing, keeps the note."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from store import Store
from store.demo.builder import DEMO_PROFILE, load_demo
from store.demo.ids import review_id

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

NOTE = "Year 6 science: pupils planned a fair test"


def _tmux(socket: str, *args: str) -> str:
    return subprocess.run(
        ["tmux", "-f", "/dev/null", "-L", socket, *args],
        capture_output=True,
        text=True,
        check=False,
    ).stdout


def _wait_for(socket: str, text: str, timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in _tmux(socket, "capture-pane", "-p", "-t", "crash"):
            return
        time.sleep(0.1)
    raise AssertionError(
        f"{text!r} never appeared:\n{_tmux(socket, 'capture-pane', '-p', '-t', 'crash')}"
    )


def _wait_for_note(db: Path, text: str, timeout: float) -> None:
    """Read the database (read-only, beside the running app) until the note is in it."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            found = conn.execute("SELECT 1 FROM evidence_notes WHERE text = ?", (text,))
            if found.fetchone() is not None:
                return
        time.sleep(0.05)


def test_a_note_typed_before_a_kill_9_is_there_after(tmp_path: Path) -> None:
    db = tmp_path / "visit.db"
    store = Store.open(db)
    load_demo(store)
    store.save_profile(DEMO_PROFILE)
    store.close()
    socket = f"schoolnet-crash-{os.getpid()}"
    command = f"exec {sys.executable} -m cli --db {db}"  # exec: the pane pid is the app itself
    _tmux(socket, "new-session", "-d", "-s", "crash", "-x", "120", "-y", "40", command)
    try:
        _wait_for(socket, "Hunts Area")
        _tmux(socket, "send-keys", "-t", "crash", "r")
        _wait_for(socket, "reviews done")
        # The St John's review is second in the list.
        _tmux(socket, "send-keys", "-t", "crash", "Down", "Enter")
        _wait_for(socket, "Peer review of St John's")
        _tmux(socket, "send-keys", "-t", "crash", "v")
        _wait_for(socket, "Visit notes:")
        _tmux(socket, "send-keys", "-t", "crash", "-l", NOTE)
        _wait_for_note(db, NOTE, timeout=1.5)  # the reviewer pauses...
        pid = int(_tmux(socket, "display-message", "-p", "-t", "crash", "#{pane_pid}").strip())
        os.kill(pid, signal.SIGKILL)  # ...and the battery dies
    finally:
        _tmux(socket, "kill-server")
    reopened = Store.open(db)
    texts = [
        n.text for n in reopened.evidence_notes.where(review_id=review_id("hunts-2026-st-johns"))
    ]
    reopened.close()
    assert NOTE in texts
