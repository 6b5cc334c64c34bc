"""Instructions a Python command executes, counted by valgrind's callgrind (Debian's valgrind).

Wall-clock timings on the shared two-core machines swing by ±30% from minute to minute; the
instruction count of the same command stays put, so small changes can be compared.
"""

from __future__ import annotations

import re
import subprocess
import sys


def instructions(*args: str) -> int:
    """Run `python -m <args>` under callgrind and return the instructions it executed."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable]
    done = subprocess.run([*command, "-m", *args], capture_output=True, text=True, check=True)  # noqa: S603
    refs = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    assert refs, done.stderr[-2000:]
    return int(refs.group(1).replace(",", ""))
