"""./build.sh bench, the Python module: what a call of optlab.run costs over
the core's own run, against starting the CLI for the same scenario.

For one 100-step scenario (momentum on the lecture's bowl), in one process:
  core     the median of the core's run alone (optlab._core.core_seconds:
           read once, run, timed inside C++)
  module   the median of optlab.run(dict): the dict to JSON, the core reading
           and running it, the trace to numpy arrays and a dict
  cli      the median of `optlab run -` started as a process and its JSON
           read back (what the notebooks did before the module)
The rounds alternate module and core, so both see the same machine. Writes
build/bench/python.json for tests/bench/report.mjs.

Usage: PYTHONPATH=build/native/python /usr/bin/python3 tests/bench/python.py
"""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import optlab

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = {"problem": {"kind": "quadratic", "A": [[1, 0], [0, 5]]},
            "optimizer": {"kind": "momentum", "lr": 0.05, "beta": 0.8}, "w0": [1, 1], "steps": 100}
GOAL_MS = 0.1
ROUNDS, CALLS, PROCESSES = 7, 1000, 30


def module_ms(calls):
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        optlab.run(SCENARIO)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def cli_ms(processes):
    text = json.dumps(SCENARIO)
    cli = str(ROOT / "build" / "native" / "optlab")
    times = []
    for _ in range(processes):
        start = time.perf_counter()
        out = subprocess.run([cli, "run", "-"], input=text, capture_output=True, text=True, check=True)
        json.loads(out.stdout)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main():
    text = json.dumps(SCENARIO)
    module_ms(200)  # warm: allocators, numpy's import of its C API, caches
    modules, cores = [], []
    for _ in range(ROUNDS):
        modules.append(module_ms(CALLS))
        cores.append(optlab._core.core_seconds(text, CALLS) * 1e3)
    module, core = statistics.median(modules), statistics.median(cores)
    cli = cli_ms(PROCESSES)
    overhead = module - core
    result = {"scenario": "momentum on the bowl A = diag(1, 5), 100 steps", "coreMs": core, "moduleMs": module,
              "overheadMs": overhead, "cliMs": cli, "python": sys.version.split()[0],
              "goals": {f"optlab.run adds at most {GOAL_MS} ms over the core's own run": overhead <= GOAL_MS}}
    out = ROOT / "build" / "bench" / "python.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"python module, {result['scenario']}: core {core * 1e3:.1f} us, optlab.run {module * 1e3:.1f} us "
          f"(adds {overhead * 1e3:.1f} us; goal <= {GOAL_MS * 1e3:.0f} us), the CLI as a process {cli:.2f} ms")


if __name__ == "__main__":
    main()
