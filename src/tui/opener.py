"""Opening a file in the program the system uses for it: an email draft in the mail program.

Tests replace `open_with_system`, so no test ever starts a mail program.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def open_with_system(path: Path) -> bool:
    """Open the file as a double-click would (os.startfile, open, xdg-open); False if not."""
    try:
        if sys.platform == "win32":
            os.startfile(path)  # noqa: S606 - the user's own file, opened on their request
            return True
        command = ["open" if sys.platform == "darwin" else "xdg-open", str(path)]
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return False
    try:
        # xdg-open says quickly when nothing can open the file; a mail program still
        # running after a few seconds has opened it.
        return process.wait(timeout=3) == 0
    except subprocess.TimeoutExpired:
        return True
