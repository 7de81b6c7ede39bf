"""Runs a command with its stderr on a pseudo-terminal and returns what it
drew there, for the checks of progress bars (simulate_check.py,
progress_check.py): a bar is drawn only when stderr is a terminal."""
import os
import pty
import subprocess


def run_on_terminal(args, timeout=600):
    """Runs args (stdout discarded, stderr on a pseudo-terminal); returns
    (exit code, the bytes written to the terminal)."""
    leader, follower = pty.openpty()
    proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=follower, timeout=timeout)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal's other end is closed: all is read
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return proc.returncode, seen
