#!/usr/bin/env python3
"""Times two commands in pairs, one right after the other, and prints the median wall time
of each and the median of the pairs' ratios (second / first).

A ratio of two medians measured minutes apart moves with whatever else the machine does in
between (a shared machine drifts by a tenth from one minute to the next); the two runs of a
pair see the same machine, so their ratio does not. Used by `benches/run.sh` for the
history section's ratios.

    paired.py RUNS WARM 'isms check …' 'isms trend …'
"""

import shlex
import statistics
import subprocess
import sys
import time


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    # The status is not what is measured: `isms check` exits 1 when it finds gaps.
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    runs, warm = int(sys.argv[1]), int(sys.argv[2])
    first, second = shlex.split(sys.argv[3]), shlex.split(sys.argv[4])
    for _ in range(warm):
        wall(first)
        wall(second)
    a, b = [], []
    for i in range(runs):
        # Which goes first alternates, so that neither always runs on a machine the other
        # has just warmed.
        if i % 2 == 0:
            x = wall(first)
            y = wall(second)
        else:
            y = wall(second)
            x = wall(first)
        a.append(x)
        b.append(y)
    ratio = statistics.median(y / x for x, y in zip(a, b))
    print(f"{statistics.median(a):.4f} {statistics.median(b):.4f} {ratio:.2f}")


if __name__ == "__main__":
    main()
