#!/usr/bin/env python3
"""Start -> first frame of the real `spotlight` binary in a pseudo-terminal (80x24).

Measures, over RUNS launches (default 30), the time from spawning the process to the end of
its first frame (the close of the first synchronized update, ESC [ ? 2026 l), then quits it
with ctrl-c. Prints the median, p90 and max. Build first: `cargo build --release`.

    python3 benches/tui-start.py [path/to/spotlight] [spotlight args...]
"""

import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

FRAME_END = b"\x1b[?2026l"


def one_run(argv):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["XDG_CONFIG_HOME"] = "/nonexistent"
        os.environ.pop("SPOTLIGHT_DATA", None)
        os.execv(argv[0], argv)
    start = time.perf_counter()
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    elapsed = None
    deadline = start + 10
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        if FRAME_END in seen:
            elapsed = time.perf_counter() - start
            break
    os.write(fd, b"\x03")
    end = time.perf_counter() + 5
    while time.perf_counter() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        try:
            select.select([fd], [], [], 0.05)
            os.read(fd, 65536)
        except OSError:
            pass
    os.close(fd)
    return elapsed


def main():
    args = sys.argv[1:] or ["target/release/spotlight"]
    runs = int(os.environ.get("RUNS", "30"))
    times = [t for t in (one_run(args) for _ in range(runs)) if t is not None]
    if not times:
        sys.exit("no frame seen")
    times.sort()
    ms = [t * 1000 for t in times]
    p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
    print(
        f"start->first frame over {len(ms)} runs: median {statistics.median(ms):.1f} ms, "
        f"p90 {p90:.1f} ms, max {ms[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
