"""Static, printable versions of the lesson's figures, with matplotlib.

The notebook computes with optlab and hands the results to these; the
settings of a plot (sizes, scales, labels, colours) live here, so that a
student reads the optimization in the notebook's cells. Colours and line
styles are the page's (web/src/plot/methods.json).
"""

import json

import numpy as np

from . import _DATA, grid, method_styles

# The page's colours (Okabe–Ito), in its order, from web/src/plot/methods.json.
PALETTE = json.loads((_DATA / "methods.json").read_text(encoding="utf-8"))["palette"]
COLORS, STYLES = method_styles()


def _plt():
    import matplotlib.pyplot as plt  # only where a plot is drawn: the module itself needs no matplotlib

    return plt


def style():
    """matplotlib's defaults as the page draws: its palette, a light grid."""
    plt = _plt()
    plt.rcParams.update({"figure.dpi": 110, "axes.grid": True, "grid.alpha": 0.3,
                         "axes.prop_cycle": plt.cycler(color=PALETTE)})


def regimes(runs, a, view=(-1.6, 1.6)):
    """Gradient descent on f(w) = a/2 w^2, one panel per run: {gamma * a: the run's output}."""
    plt = _plt()
    fig, axes = plt.subplots(1, len(runs), figsize=(12, 2.8), sharey=True)
    w = np.linspace(*view, 200)
    f = grid({"kind": "quadratic1d", "a": a}, view, 200)[0]  # f on the line, from the core
    for ax, (ratio, out) in zip(axes, runs.items()):
        ax.plot(w, f, color="0.4")
        ax.plot(out["w"][:, 0], out["loss"], "o-", color=COLORS["gd"], ms=3)
        ax.set_xlim(*view)
        ax.set_ylim(0, 1.4)
        ax.set_title(f"γ = {ratio}/a: {out['regime'].replace('_', ' ')}", fontsize=9)
    plt.tight_layout()
    plt.show()


def sweep(ratios, curves, steps):
    """f after `steps` steps against gamma * a on log axes: {label: values}, the first solid, the rest dashed."""
    plt = _plt()
    plt.figure(figsize=(7, 3))
    for i, (label, values) in enumerate(curves.items()):
        plt.loglog(ratios, values, "-" if i == 0 else "--", color=COLORS["gd"] if i == 0 else PALETTE[3], label=label)
    for r, name in [(1, "1/a"), (2, "2/a")]:
        plt.axvline(r, ls="--", color="0.3")
        plt.text(r, 1.02, name, ha="center", transform=plt.gca().get_xaxis_transform())  # above the frame
    plt.xlabel("γ · a (log)")
    plt.ylabel(f"f after {steps} steps (log)")
    plt.legend()
    plt.show()


def one_example_steps(steps, full, w):
    """Each one-example step from w as a dot, and the full step as an arrow."""
    plt = _plt()
    plt.figure(figsize=(4, 4))
    plt.scatter(*np.asarray(steps).T, s=10, color="0.45", label="w − γ∇fᵢ(w)")
    plt.annotate("", xy=full, xytext=w, arrowprops=dict(arrowstyle="->", lw=2))
    plt.plot(*w, "ko", mfc="white")
    plt.legend()
    plt.axis("equal")
    plt.show()


def batch_variance(batches, noise, n, draws):
    """The mini-batch gradient's variance against B: the law, and measured (batch_noise() per B)."""
    plt = _plt()
    part = [i for i, B in enumerate(batches) if B < n]  # at B = n both are 0, which a log axis cannot show
    plt.figure(figsize=(6, 3))
    plt.plot([batches[i] for i in part], [noise[i]["law"] for i in part], "k--", label="σ²/B · (n − B)/(n − 1)")
    plt.plot([batches[i] for i in part], [noise[i]["measured"] for i in part], "o", color=COLORS["sgd"],
             label=f"measured ({draws} draws)")
    plt.title(f"B = n = {n}: measured {noise[-1]['measured']:.3g}, law 0 (the batch is the whole sum)", fontsize=9)
    plt.xscale("log", base=2)
    plt.yscale("log")
    plt.xticks([batches[i] for i in part], [str(batches[i]) for i in part])
    plt.xlabel("batch size B")
    plt.ylabel("variance of g_B")
    plt.legend()
    plt.show()


def annealing(w, f, ends, ridge, gd_end, bins, label):
    """The double well f(w), where the SGD runs ended (a histogram), the ridge and where GD ended."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7, 3))
    bars = ax.twinx()
    bars.hist(ends, bins=bins, range=(w[0], w[-1]), color=COLORS["sgd"], alpha=0.6)
    bars.set_ylabel(f"SGD runs ending there\n({label})")
    ax.plot(w, f, "k", label="f(w)")
    ax.axvline(ridge, color="0.4", ls="--", label="ridge")
    ax.axvline(gd_end, color=COLORS["gd"], label="GD ends")
    ax.set_zorder(bars.get_zorder() + 1)  # the curve over the bars
    ax.patch.set_visible(False)
    ax.set_xlabel("w")
    ax.set_ylabel("f(w)")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1), ncol=3, frameon=False)
    plt.show()


def paths(runs, view, f, levels, floor=None, labels=None, distance=False, markers=(), title=None, axes=None):
    """Paths over f's contours (left) and each run's loss, or distance to the minimum, by step (right).

    runs: {method: output}; view: {"x": [lo, hi], "y": [lo, hi]}; f: f on a
    grid over the view (grid() of the core); levels: the contour levels.
    """
    plt = _plt()
    labels = labels or {}
    shown = axes is None
    left, right = axes if axes is not None else plt.subplots(1, 2, figsize=(11, 4.5))[1]
    ny, nx = f.shape
    u, v = np.meshgrid(np.linspace(*view["x"], nx), np.linspace(*view["y"], ny))
    left.contour(u, v, f, levels=levels, colors="0.8")
    for k, out in runs.items():
        label = labels.get(k, k)
        dotted = k in markers  # every iterate marked, on a solid line
        left.plot(*out["w"].T, marker="o" if dotted else None, ms=2, lw=1.2, color=COLORS[k], ls="-" if dotted else STYLES[k], label=label)
        y = np.linalg.norm(out["w"] - out["optimum"], axis=1) if distance else np.maximum(out["loss"], floor)
        right.semilogy(y, color=COLORS[k], ls=STYLES[k], label=label)
    left.set_aspect("equal")
    left.set_xlabel("w₁")
    left.set_ylabel("w₂")
    left.legend()
    if title:
        left.set_title(title)
    right.set_xlabel("k")
    right.set_ylabel("‖wₖ − w*‖" if distance else "f(wₖ)")
    right.legend()
    if shown:
        plt.tight_layout()
        plt.show()


def grid_of(rows):
    """A figure of `rows` rows of two axes, for paths(..., axes=row); show() draws it."""
    plt = _plt()
    return plt.subplots(rows, 2, figsize=(11, 4.5 * rows))[1]


def show():
    plt = _plt()
    plt.tight_layout()
    plt.show()


def losses(curves, floor):
    """f(w_k) by step on a log axis: {label: output}."""
    plt = _plt()
    plt.figure(figsize=(7, 3.2))
    for label, out in curves.items():
        plt.semilogy(np.maximum(out["loss"], floor), label=label)
    plt.xlabel("k")
    plt.ylabel("f(wₖ)")
    plt.legend()
    plt.show()


def rate_map(lrs, betas, rate, star):
    """Momentum's rate over (gamma, beta), grey where it diverges, with the best pair as a star."""
    plt = _plt()
    plt.figure(figsize=(7, 4))
    plt.grid(False)  # a grid would sit under the heatmap
    cmap = plt.get_cmap("viridis_r").with_extremes(bad="0.6")  # grey where it diverges, as on the page
    plt.pcolormesh(lrs, betas, np.ma.masked_where(rate >= 1, rate), shading="auto", cmap=cmap)
    plt.colorbar(label="rate (grey: ≥ 1, diverges)")
    plt.contour(lrs, betas, rate, levels=[1], colors="w")
    plt.plot(*star, "w*", ms=14)
    plt.xscale("log")
    plt.xlabel("γ")
    plt.ylabel("β")
    plt.show()


def distances(curves):
    """‖w_k − w*‖ by step on a log axis: {label: (steps, distances, method, line width)}."""
    plt = _plt()
    plt.figure(figsize=(7, 3.2))
    for label, (k, d, method, width) in curves.items():
        plt.semilogy(k, d, color=COLORS[method], ls=STYLES[method], lw=width, label=label)
    plt.xlabel("k")
    plt.ylabel("‖wₖ − w*‖")
    plt.legend()
    plt.show()


def table(rows, header):
    """A Markdown table for the notebook's output: rows of cells under header."""
    from IPython.display import Markdown, display

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    display(Markdown("\n".join(lines)))
