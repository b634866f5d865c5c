"""optlab: the lesson's C++ core in Python, in-process.

Every number comes from the same core as the page and the CLI: the same
scenario format, the same seeds, the same bits.

    import optlab
    out = optlab.run({"problem": {"kind": "quadratic1d", "a": 1},
                      "optimizer": {"kind": "gd", "lr": 0.5},
                      "w0": [1.0], "steps": 10})
    out["w"]      # a numpy array, one row per iterate

A scenario is a dict as docs/scenario.md describes it (the CLI's JSON).
A bad one raises optlab.ScenarioError (a ValueError) whose message names
the field and its allowed range, word for word as the CLI's.

The arrays returned are new numpy arrays that own their memory.

In a notebook, optlab.figure("momentum", lr=0.02, beta=0.9) shows the
lesson's live figure, drawn by the same core.
"""

import json
from pathlib import Path

import numpy as np

from . import _core
from ._core import ScenarioError
from .figures import Figure, SettingError, figure
from .figures import settings as figure_settings

__all__ = [
    "ScenarioError", "SettingError", "Figure", "figure", "figure_settings", "run", "finals", "optimizers", "grid", "gradients", "batch_gradients", "batch_noise",
    "gradient_noise", "rate_map", "simulated_rate_map", "momentum_boundaries", "rates", "optimal", "loss_sweep",
    "double_well", "data", "check_expression", "scene", "method_styles",
]

_DATA = Path(__file__).resolve().parent / "data"


def _plain(value):
    """numpy scalars and arrays as the JSON numbers and lists they hold."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not a number, list or dict a scenario can hold")


def _text(obj):
    # Python prints a float as the shortest text that reads back as the same
    # double, so the core reads exactly the numbers given. ASCII with \u
    # escapes: the core's reader then refuses an unpaired surrogate by name,
    # where text that is not UTF-8 could not even reach it.
    try:
        return json.dumps(obj, default=_plain, allow_nan=False)
    except RecursionError:
        raise ScenarioError("the scenario is nested too deeply to be one") from None
    except ValueError as e:
        if "Out of range float" in str(e):
            raise ScenarioError("a scenario holds finite numbers only (NaN and infinity are not JSON)") from None
        raise ScenarioError(f"the scenario cannot be written as JSON: {e}") from None


def _request(verb, request):
    return json.loads(_core.request(verb, _text(request)))


def run(scenario):
    """Run one scenario; return its output as a dict.

    The dict has the CLI's keys: problem, optimizer, dim, steps, seed;
    w (iterates w_0..w_K as rows of a (K+1) x dim array), loss and grad_norm
    (one per row of w), w_avg (running averages of w_1..w_k, K x dim),
    batches (K x batch indices, or None), diverged_at, stopped_at,
    stop_reason, undefined, regime, rate and optimum (an array, or None).

    A list of scenarios (1 to 16, as the playground exports them) runs each
    and returns a list of outputs; all are checked before any runs.

    Raises ScenarioError naming the field when the scenario is not valid.
    """
    return _core.run(_text(scenario))


def finals(scenario, runs):
    """Where each of `runs` seeded runs of the scenario ends.

    Run r is seeded from the scenario's seed and r, as on the page.
    Returns (w, diverged): a runs x dim array and a boolean array.
    """
    out = json.loads(_core.finals(_text(scenario), int(runs)))
    return np.asarray(out["w"], dtype=float), np.asarray(out["diverged"], dtype=bool)


def optimizers():
    """The core's registry of optimizers: each one's rule, lr default and parameters."""
    return json.loads(_core.optimizers())


def grid(problem, x, nx, y=None, ny=None):
    """f on a grid: an array of ny rows of nx values, f(x_i, y_j) at [j, i].

    x and y are [lo, hi]; a 1-D problem takes x and nx only and gives one row.
    """
    request = {"problem": problem, "x": list(x), "nx": int(nx)}
    if y is not None:
        request.update({"y": list(y), "ny": int(ny)})
    out = _request("grid", request)
    return np.asarray(out["values"], dtype=float).reshape(out["ny"], out["nx"])


def gradients(problem, w):
    """The gradient of every part f_i of a finite sum at w: n rows of dim numbers."""
    return np.asarray(_request("gradients", {"problem": problem, "w": list(w)})["gradients"], dtype=float)


def batch_gradients(problem, w, batch, seed, draws):
    """The mini-batch gradients of SGD's first steps from w: draws rows of dim numbers.

    Draw d is the gradient of the first step of run d of finals() with the same seed.
    """
    request = {"problem": problem, "w": list(w), "batch": int(batch), "seed": int(seed), "draws": int(draws)}
    return np.asarray(_request("batch_gradients", request)["gradients"], dtype=float)


def batch_noise(problem, w, batch, seed, draws):
    """How noisy the mini-batch gradient g_B is at w (draws >= 2).

    Returns {"mean": the full gradient as an array, "sigma2": the spread of
    the parts' gradients, "law": sigma2/B * (n - B)/(n - 1), "measured": the
    mean of |g_d - grad f|^2 over the draws of batch_gradients(),
    "standard_error": its standard error}.
    """
    request = {"problem": problem, "w": list(w), "batch": int(batch), "seed": int(seed), "draws": int(draws)}
    out = _request("batch_noise", request)
    out["mean"] = np.asarray(out["mean"], dtype=float)
    return out


def gradient_noise(problem, seed, steps):
    """The noise sigma * xi_k of each step's gradient in a run without batches: steps rows of dim numbers.

    On a problem with gradient noise sigma > 0, the gradient of step k of any
    optimizer's run seeded with `seed` is grad f(w_k) + sigma * xi_k.
    """
    request = {"problem": problem, "seed": int(seed), "steps": int(steps)}
    return np.asarray(_request("gradient_noise", request)["noise"], dtype=float)


def _rate_grid(verb, eigenvalues, lr, n_lr, beta, n_beta, **extra):
    request = {"eigenvalues": [float(x) for x in eigenvalues], "lr": list(lr), "nLr": int(n_lr),
               "beta": list(beta), "nBeta": int(n_beta), **extra}
    out = _request(verb, request)
    rate = np.asarray(out["rate"], dtype=float).reshape(len(out["beta"]), len(out["lr"]))
    return np.asarray(out["lr"], dtype=float), np.asarray(out["beta"], dtype=float), rate


def rate_map(eigenvalues, lr, n_lr, beta, n_beta):
    """Momentum's linear rate over a (lr, beta) grid: (lrs, betas, R), R[j, i] at (lrs[i], betas[j]).

    lr is log-spaced over lr = [lo, hi], beta evenly spaced over beta = [lo, hi].
    """
    return _rate_grid("rate_map", eigenvalues, lr, n_lr, beta, n_beta)


def simulated_rate_map(eigenvalues, lr, n_lr, beta, n_beta, steps):
    """rate_map() with each rate measured by running momentum `steps` steps."""
    return _rate_grid("simulated_rate_map", eigenvalues, lr, n_lr, beta, n_beta, steps=int(steps))


def momentum_boundaries(eigenvalues, lr, beta, samples=200, edge_segments=64):
    """The (lr, beta) map's lines: {"edge", "nesterovEdge", "damping"}, each an array of (lr, beta) rows.

    edge is where momentum starts to diverge, nesterovEdge the same for
    Nesterov, damping one critical-damping curve per eigenvalue.
    """
    request = {"eigenvalues": [float(x) for x in eigenvalues], "lr": list(lr), "beta": list(beta),
               "samples": int(samples), "edgeSegments": int(edge_segments)}
    out = _request("momentum_boundaries", request)
    pairs = lambda xs: np.asarray(xs, dtype=float).reshape(-1, 2)
    return {"edge": pairs(out["edge"]), "nesterovEdge": pairs(out["nesterovEdge"]),
            "damping": [pairs(curve) for curve in out["damping"]]}


def rates(eigenvalues, lr, beta):
    """Momentum's and Nesterov's linear rates at one (lr, beta), and the map's region there."""
    return _request("rates", {"eigenvalues": [float(x) for x in eigenvalues], "lr": float(lr), "beta": float(beta)})


def optimal(eigenvalues):
    """The best gradient descent and the best momentum for a bowl's eigenvalues.

    Returns {"momentum": {"lr", "beta", "rate"} (Polyak's pair), "gd": {"lr", "rate"} (lr = 2/(mu + L))}.
    """
    return _request("optimal", {"eigenvalues": [float(x) for x in eigenvalues]})


def loss_sweep(scenario, lrs):
    """f after the scenario's run for each step size in lrs: (loss, diverged_at) arrays (-1: did not diverge)."""
    out = _request("loss_sweep", {"scenario": scenario, "lrs": [float(x) for x in lrs]})
    return np.asarray(out["loss"], dtype=float), np.asarray(out["diverged_at"], dtype=int)


def double_well(problem):
    """The double well's two minima and the ridge between them: {"deep", "shallow", "ridge"}."""
    return _request("double_well", {"problem": problem})


def data(problem):
    """A least-squares problem's examples: (X, y) as arrays (those its data_seed generates)."""
    out = _request("data", {"problem": problem})
    return np.asarray(out["X"], dtype=float).reshape(out["n"], out["dim"]), np.asarray(out["y"], dtype=float)


def check_expression(text):
    """Whether f(x, y) typed as text is a function the expression problem takes.

    Returns {"ok": True, "operations", "uses_w2", "error": None}, or
    {"ok": False, "error": {"code", "column", "message", ...}} saying where and why not.
    """
    return json.loads(_core.expression(str(text)))


def scene(name):
    """A figure's default setup, the one the page uses (web/scenes/; a figure's name, as optlab.figure takes it, or a scene file's)."""
    from .figures import scene_file

    files = sorted(p.stem for p in _DATA.glob("*.json") if p.stem not in ("methods", "settings"))
    names = sorted(set(files) | {n for n in ("momentum", "rate-map") if scene_file(n) in files})
    if name not in names:
        raise ValueError(f"scene {name!r} is not one of {', '.join(names)}")
    return json.loads((_DATA / f"{scene_file(name)}.json").read_text(encoding="utf-8"))


def method_styles():
    """Each method's colour and line style, as on the page.

    Returns (colors, styles): colors[name] a hex colour, styles[name] a
    matplotlib linestyle (solid, or (0, dashes)).
    """
    table = json.loads((_DATA / "methods.json").read_text(encoding="utf-8"))
    ink = "#1d1f23"  # the page's --ink, light
    colors, styles = {}, {}
    for name, m in table["methods"].items():
        colors[name] = ink if m["colour"] == "ink" else table["palette"][m["colour"]]
        styles[name] = (0, tuple(m["dash"])) if m["dash"] else "-"
    return colors, styles
