#!/usr/bin/env python3
"""CPU samples for bench/run.sh reminders, and their split over the dispatcher's phases.

    cpu-sampler.py sample OUT INTERVAL_S APP_PID SINK_PID [POSTMASTER_PID]
        Every INTERVAL_S until SIGTERM, one line to OUT: "epoch app pg sink machine" in clock ticks (utime + stime) of
        the app, the cluster (the postmaster with its reaped children, plus its live children), the SMTP sink, and the
        whole machine's busy time (/proc/stat: everything but idle and iowait, all cores).
    cpu-sampler.py split SAMPLES PHASES CLK_TCK
        PHASES has one "start end kind" line per phase (epoch seconds). Each interval between two samples is shared
        among the phases it overlaps, in proportion to the overlap (CPU is assumed even within an interval), and the
        totals are printed per kind: "kind wall_s app_cpu_s pg_cpu_s sink_cpu_s machine_busy_s".
"""
import signal
import sys
import time


def ticks(pid: str, reaped: bool = False) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    # fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
    total = int(fields[11]) + int(fields[12])
    if reaped:
        total += int(fields[13]) + int(fields[14])
    return total


def pg_ticks(postmaster: str) -> int:
    if not postmaster:
        return 0
    try:
        with open(f"/proc/{postmaster}/task/{postmaster}/children") as f:
            children = f.read().split()
    except OSError:
        children = []
    return ticks(postmaster, reaped=True) + sum(ticks(c) for c in children)


def machine_busy() -> int:
    with open("/proc/stat") as f:
        fields = f.readline().split()
    # cpu user nice system idle iowait irq softirq steal ...
    return sum(int(x) for x in fields[1:4]) + sum(int(x) for x in fields[6:9])


def sample(out: str, interval: float, app: str, sink: str, postmaster: str) -> None:
    stop = False

    def on_term(*_):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    with open(out, "w", buffering=1) as f:
        while not stop:
            f.write(f"{time.time():.6f} {ticks(app)} {pg_ticks(postmaster)} {ticks(sink)} {machine_busy()}\n")
            time.sleep(interval)


def split(samples_path: str, phases_path: str, clk_tck: int) -> None:
    samples = []
    with open(samples_path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 5:
                samples.append((float(parts[0]), int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4])))
    phases = []
    with open(phases_path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                phases.append((float(parts[0]), float(parts[1]), parts[2]))
    phases.sort()
    totals = {}
    for kind in sorted({p[2] for p in phases}):
        totals[kind] = [0.0, 0.0, 0.0, 0.0, 0.0]
    for start, end, kind in phases:
        totals[kind][0] += max(0.0, end - start)
    j = 0
    for (t1, a1, p1, s1, m1), (t2, a2, p2, s2, m2) in zip(samples, samples[1:]):
        if t2 <= t1:
            continue
        while j < len(phases) and phases[j][1] <= t1:
            j += 1
        k = j
        while k < len(phases) and phases[k][0] < t2:
            start, end, kind = phases[k]
            share = (min(end, t2) - max(start, t1)) / (t2 - t1)
            if share > 0:
                totals[kind][1] += share * (a2 - a1) / clk_tck
                totals[kind][2] += share * (p2 - p1) / clk_tck
                totals[kind][3] += share * (s2 - s1) / clk_tck
                totals[kind][4] += share * (m2 - m1) / clk_tck
            k += 1
    for kind, (wall, app, pg, sink, machine) in totals.items():
        print(f"{kind} {wall:.2f} {app:.2f} {pg:.2f} {sink:.2f} {machine:.2f}")


if __name__ == "__main__":
    if len(sys.argv) >= 6 and sys.argv[1] == "sample":
        sample(sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6] if len(sys.argv) > 6 else "")
    elif len(sys.argv) == 5 and sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(__doc__)
