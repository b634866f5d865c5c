"""Run optlab scenarios from Python through the native CLI.

The notebooks use this module so that every number they plot comes from the
same C++ core as the page (same scenario format, same seeds, same bits).

    import optlab
    out = optlab.run({"problem": {"kind": "quadratic1d", "a": 1},
                      "optimizer": {"kind": "gd", "lr": 0.5},
                      "w0": [1.0], "steps": 10})
    out["w"]      # numpy array, one row per iterate

Bad scenarios raise optlab.ScenarioError with the CLI's message, which names
the field and its allowed range.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SCENES = ROOT / "web" / "scenes"


class ScenarioError(ValueError):
    """The core rejected a scenario; the message names the field."""


def cli_path():
    """The optlab CLI: $OPTLAB_CLI, else build/native/optlab, else `optlab` on PATH."""
    if os.environ.get("OPTLAB_CLI"):
        return Path(os.environ["OPTLAB_CLI"])
    built = ROOT / "build" / "native" / "optlab"
    if built.exists():
        return built
    found = shutil.which("optlab")
    if found:
        return Path(found)
    raise FileNotFoundError("the optlab CLI was not found: run ./build.sh first, or set OPTLAB_CLI")


def _call(args, scenario):
    result = subprocess.run([str(cli_path()), *args], input=json.dumps(scenario),
                            capture_output=True, text=True, check=False)
    if result.returncode == 2:
        raise ScenarioError(result.stderr.strip().removeprefix("optlab: "))
    if result.returncode != 0:
        raise RuntimeError(f"optlab exited with {result.returncode}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def optimizers():
    """The core's registry of optimizers (`optlab optimizers`): each one's rule, lr default and parameters."""
    result = subprocess.run([str(cli_path()), "optimizers"], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def run(scenario):
    """One run: the output object with w, loss, grad_norm, w_avg (and batches) as numpy arrays."""
    out = _call(["run", "-"], scenario)
    for key in ("w", "loss", "grad_norm", "w_avg"):
        out[key] = np.asarray(out[key], dtype=float)
    if out["batches"] is not None:
        out["batches"] = np.asarray(out["batches"], dtype=int)
    if out["optimum"] is not None:
        out["optimum"] = np.asarray(out["optimum"], dtype=float)
    return out


def finals(scenario, runs):
    """Where each of `runs` seeded runs ends (run r seeded from seed and r, as on the page).

    Returns (w, diverged): an array of runs x dim, and a boolean array.
    """
    out = _call(["finals", "-", str(int(runs))], scenario)
    return np.asarray(out["w"], dtype=float), np.asarray(out["diverged"], dtype=bool)


def grid(problem, x, nx, y=None, ny=None):
    """f on a grid from the core: an array of ny rows of nx values, f(x_i, y_j) at [j, i].

    x and y are [lo, hi]; a 1-D problem takes x and nx only and gives one row.
    """
    request = {"problem": problem, "x": list(x), "nx": int(nx)}
    if y is not None:
        request.update({"y": list(y), "ny": int(ny)})
    out = _call(["grid", "-"], request)
    return np.asarray(out["values"], dtype=float).reshape(out["ny"], out["nx"])


def gradients(problem, w):
    """∇f_i(w) of every part of a finite sum: an array of n rows of dim numbers."""
    return np.asarray(_call(["gradients", "-"], {"problem": problem, "w": list(w)})["gradients"], dtype=float)


def batch_gradients(problem, w, batch, seed, draws):
    """The mini-batch gradients of SGD's first steps from w: draws rows of dim numbers.

    Draw d is the gradient of the first step of run d of finals() with the same seed.
    """
    request = {"problem": problem, "w": list(w), "batch": int(batch), "seed": int(seed), "draws": int(draws)}
    return np.asarray(_call(["batch_gradients", "-"], request)["gradients"], dtype=float)


def gradient_noise(problem, seed, steps):
    """The noise σξ_k of each step's gradient in a run without batches: steps rows of dim numbers.

    On a problem with gradient noise σ > 0, the gradient of step k of any
    optimizer's run seeded with `seed` is ∇f(w_k) + σξ_k.
    """
    request = {"problem": problem, "seed": int(seed), "steps": int(steps)}
    return np.asarray(_call(["gradient_noise", "-"], request)["noise"], dtype=float)


def rate_map(eigenvalues, lr, n_lr, beta, n_beta):
    """Momentum's rate over a (γ, β) grid from the core: (lrs, betas, R), R[j, i] at (lrs[i], betas[j]).

    γ is log-spaced over lr = [lo, hi], β evenly spaced over beta = [lo, hi].
    """
    request = {"eigenvalues": [float(x) for x in eigenvalues], "lr": list(lr), "nLr": int(n_lr),
               "beta": list(beta), "nBeta": int(n_beta)}
    out = _call(["rate_map", "-"], request)
    rate = np.asarray(out["rate"], dtype=float).reshape(len(out["beta"]), len(out["lr"]))
    return np.asarray(out["lr"], dtype=float), np.asarray(out["beta"], dtype=float), rate

def batch_noise(problem, w, batch, seed, draws):
    """How noisy the mini-batch gradient g_B is at w, from the core (draws >= 2).

    Returns {"mean": ∇f(w) as a numpy array, "sigma2": σ², the spread of the
    parts' gradients, "law": σ²/B · (n − B)/(n − 1), "measured": the mean of
    ‖g_d − ∇f‖² over the draws of batch_gradients(), "standard_error": its
    standard error}.
    """
    request = {"problem": problem, "w": list(w), "batch": int(batch), "seed": int(seed), "draws": int(draws)}
    out = _call(["batch_noise", "-"], request)
    out["mean"] = np.asarray(out["mean"], dtype=float)
    return out


def optimal(eigenvalues):
    """The best gradient descent and the best momentum for a bowl's eigenvalues, from the core.

    Returns {"momentum": {"lr", "beta", "rate"} (Polyak's pair), "gd": {"lr", "rate"} (γ = 2/(μ + L))}.
    """
    return _call(["optimal", "-"], {"eigenvalues": [float(x) for x in eigenvalues]})


def loss_sweep(scenario, lrs):
    """f after the scenario's run for each step size in lrs, from the core: (loss, diverged_at), numpy arrays."""
    out = _call(["loss_sweep", "-"], {"scenario": scenario, "lrs": [float(x) for x in lrs]})
    return np.asarray(out["loss"], dtype=float), np.asarray(out["diverged_at"], dtype=int)


def double_well(problem):
    """The double well's two minima and the ridge between them: {"deep", "shallow", "ridge"}."""
    return _call(["double_well", "-"], {"problem": problem})


def method_styles():
    """Each method's colour and line style, as on the page (web/src/plot/methods.json).

    Returns (colors, styles): colors[name] a hex colour, styles[name] a
    matplotlib linestyle (solid, or (0, dashes)).
    """
    table = json.loads((ROOT / "web" / "src" / "plot" / "methods.json").read_text(encoding="utf-8"))
    ink = "#1d1f23"  # the page's --ink, light
    colors, styles = {}, {}
    for name, m in table["methods"].items():
        colors[name] = ink if m["colour"] == "ink" else table["palette"][m["colour"]]
        styles[name] = (0, tuple(m["dash"])) if m["dash"] else "-"
    return colors, styles


def data(problem):
    """A least-squares problem's examples from the core: (X, y) as numpy arrays.

    For a generated problem ({"kind": "least_squares", "n", "dim", "condition",
    "noise", "data_seed"}) these are the examples the page runs on.
    """
    out = _call(["data", "-"], {"problem": problem})
    return np.asarray(out["X"], dtype=float).reshape(out["n"], out["dim"]), np.asarray(out["y"], dtype=float)


def scene(name):
    """A figure's default setup from web/scenes/, the one the page uses."""
    return json.loads((SCENES / f"{name}.json").read_text(encoding="utf-8"))
