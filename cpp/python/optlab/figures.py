"""The lesson's live figures inside a notebook: optlab.figure("momentum", lr=0.02).

A Figure displays as the page's own element, <optlab-figure>, drawn by the
single-file embed script (the wasm core inside), which the first figure of a
Python session inlines into its output: no CDN, no request, and the saved
notebook and its HTML export work offline. JupyterLab, the classic Notebook
and VS Code run the script of a trusted output.

The settings are checked here against the element's own description of
them (data/settings.json, written by web/build-settings.mjs from
web/src/embed/params.js) and refused with the element's English words, so a
mistake is a Python exception in the cell, not a message inside the figure.
"""

import html
import json
import math
import re
from pathlib import Path

from . import _core

_DATA = Path(__file__).resolve().parent / "data"
_SPEC = None
# The cell whose output carries the embed script: its source and the
# execution that displayed it (None: no figure shown in this session yet).
_carrier = None


class SettingError(ValueError):
    """A figure's setting that cannot be used; the message names it and what it must be."""


def _spec():
    global _SPEC
    if _SPEC is None:
        path = _DATA / "settings.json"
        if not path.exists():
            raise RuntimeError(f"{path} is missing: optlab.figure() needs the page built (./build.sh)")
        _SPEC = json.loads(path.read_text(encoding="utf-8"))
    return _SPEC


# --- Text as JavaScript reads it --------------------------------------------
# The element reads attributes with JavaScript's String.prototype.trim and
# Number(text); Python's strip() and float() accept other things ("1_000",
# "nan", "\x1c"), so both are written out here.

_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
            "\u2028\u2029\u202f\u205f\u3000\ufeff"
# Each part can match in one way only, so a long text that fails does so in linear time.
_JS_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_JS_RADIX = re.compile(r"0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)")


def _trim(text):
    return text.strip(_JS_SPACE)


def _number(text):
    """JavaScript's Number(text): NaN for what it does not read."""
    text = _trim(text)
    if text == "":
        return 0.0
    if text in ("Infinity", "+Infinity", "-Infinity"):
        return -math.inf if text[0] == "-" else math.inf
    if _JS_DECIMAL.fullmatch(text):
        return float(text)
    radix = _JS_RADIX.fullmatch(text)
    if radix:
        digits, base = radix.group(1)[1:], {"x": 16, "o": 8, "b": 2}[radix.group(1)[0].lower()]
        # Beyond a double's range JavaScript reads Infinity; so does this
        # (without turning thousands of digits into an int first).
        if len(digits) * math.log2(base) > 1100:
            return math.inf
        try:
            return float(int(digits, base))
        except OverflowError:
            return math.inf
    return math.nan


def _js(x):
    """A number as JavaScript's String(x) writes it (1000, 0.001, 1e-7, 1e+21)."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return str(x)
    try:
        x = float(x)
    except OverflowError:  # an int beyond any double: JavaScript's Number would hold Infinity
        return "Infinity" if x > 0 else "-Infinity"
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    # repr gives the shortest digits that read back as x, as JavaScript
    # does; only where the point and the exponent go differs.
    text = repr(abs(x))
    body, _, exponent = text.partition("e")
    whole, _, fraction = body.partition(".")
    digits = whole + fraction
    significant = digits.lstrip("0")
    point = len(whole) + int(exponent or 0) - (len(digits) - len(significant))
    mantissa = significant.rstrip("0") or "0"
    k, n = len(mantissa), point  # x = 0.mantissa × 10^n (ECMA-262, Number::toString)
    if k <= n <= 21:
        return sign + mantissa + "0" * (n - k)
    if 0 < n <= 21:
        return sign + mantissa[:n] + "." + mantissa[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + mantissa
    e = n - 1
    exp = f"e{'+' if e >= 0 else '-'}{abs(e)}"
    return sign + (mantissa if k == 1 else mantissa[0] + "." + mantissa[1:]) + exp


def _is_integer(x):
    return math.isfinite(x) and x == math.floor(x)


def _shorten(text, most=60):
    return text[:most] + "…" if len(text) > most else text


# --- Kinds of value, as params.js reads them --------------------------------

def _parse(expect, text):
    """The value of text for a kind described by expect, or None."""
    kind = expect["type"]
    if kind == "number":
        x = _number(text)
        ok = (_trim(text) != "" and math.isfinite(x) and (not expect.get("integer") or _is_integer(x))
              and (x > expect["min"] if expect.get("minOpen") else x >= expect["min"])
              and ("max" not in expect or x <= expect["max"]))
        return (int(x) if expect.get("integer") else x) if ok else None
    if kind == "oneOf":
        return _trim(text) if _trim(text) in expect["choices"] else None
    if kind == "text":
        return text if len(text) <= expect["most"] else None
    if kind == "runs":
        return _parse_runs(text, expect["most"])
    count = {"point": 2, "pair": 2, "view": 4}.get(kind)
    if count is None:
        raise RuntimeError(f"data/settings.json has a kind this module does not know: {kind}")
    if text.count(",") != count - 1:
        return None
    parts = [_trim(p) for p in text.split(",")]
    xs = [_number(p) for p in parts]
    if kind == "point":
        ok = (len(parts) == 2 and all(p != "" for p in parts) and all(math.isfinite(x) for x in xs)
              and expect["x"][0] <= xs[0] <= expect["x"][1] and expect["y"][0] <= xs[1] <= expect["y"][1])
        return xs if ok else None
    if kind == "pair":
        ok = (len(parts) == 2 and all(p != "" for p in parts)
              and all(math.isfinite(x) and expect["min"] <= x <= expect["max"] for x in xs))
        return xs if ok else None
    if kind == "view":
        most, least = expect["most"], expect["least"]
        ok = (len(parts) == 4 and all(p != "" for p in parts) and all(math.isfinite(x) and abs(x) <= most for x in xs)
              and xs[1] - xs[0] >= least and xs[3] - xs[2] >= least)
        return xs if ok else None


_RUN_KIND = re.compile(r"[a-z_]{1,20}\Z")
_RUN_FIELD = re.compile("([a-z][a-z0-9_]{0,19})=([^\n\r\u2028\u2029]+)\\Z")


def _parse_runs(text, most):
    if len(text) > 2000 or len(text) + sum(ord(c) > 0xFFFF for c in text) > 2000:  # UTF-16 units, as JS counts
        return None
    runs = [run.strip(_JS_SPACE).split(":") for run in text.split(",")]
    if not 1 <= len(runs) <= most:
        return None
    out = []
    for kind, *fields in runs:
        if not _RUN_KIND.match(kind) or len(fields) > 8:
            return None
        run = {"kind": kind}
        for field in fields:
            m = _RUN_FIELD.match(field)
            if not m or m.group(1) == "kind" or m.group(1) in run:
                return None
            x = _number(m.group(2))
            if not math.isfinite(x):
                return None
            run[m.group(1)] = int(x) if _is_integer(x) and abs(x) < 2 ** 53 else x
        out.append(run)
    return out


def _expected(expect):
    """What a kind takes, in the element's English (web/src/i18n/en.js, settings)."""
    kind = expect["type"]
    if kind == "auto":
        return f'"auto" or {_expected(expect["or"])} (pixels)'
    if kind == "number":
        lower = f"> {_js(expect['min'])}" if expect.get("minOpen") else f"from {_js(expect['min'])}"
        upper = f" to {_js(expect['max'])}" if "max" in expect else ""
        return f"{'an integer' if expect.get('integer') else 'a number'} {lower}{upper}"
    if kind == "point":
        x, y = expect["x"], expect["y"]
        return f'two numbers "w1,w2" with w1 from {_js(x[0])} to {_js(x[1])} and w2 from {_js(y[0])} to {_js(y[1])}'
    if kind == "pair":
        return f'two numbers "a1,a2", each from {_js(expect["min"])} to {_js(expect["max"])}'
    if kind == "oneOf":
        return "one of " + ", ".join(expect["choices"])
    if kind == "text":
        return f"a function of x and y of at most {_js(expect['most'])} characters"
    if kind == "view":
        most, least = _js(expect["most"]), _js(expect["least"])
        return f'four numbers "x0,x1,y0,y1", each from −{most} to {most}, with x1 − x0 and y1 − y0 at least {least}'
    if kind == "runs":
        return (f'1 to {_js(expect["most"])} runs such as "gd:lr=0.01,momentum:lr=0.01:beta=0.9", '
                "separated by commas")
    raise RuntimeError(f"data/settings.json has a kind this module does not know: {kind}")


def _must_be(name, expect, got):
    return f'{_shorten(name)} must be {_expected(expect)} (got "{_shorten(got)}")'


def _scalar(name, value):
    """A number as the element's text; anything else is refused by name."""
    if hasattr(value, "item") and not isinstance(value, (list, tuple, str)):  # a numpy scalar
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SettingError(f"{_shorten(name)} must be a number or text, not {type(value).__name__}")
    if isinstance(value, int):
        try:
            return str(value)  # exact, as written: JavaScript reads the same number from it
        except ValueError:  # more digits than Python will print
            return "Infinity" if value > 0 else "-Infinity"
    return _js(value)


def _text(name, value):
    """A Python value as the attribute text the element reads.

    Text is taken as it is; a number, or a flat list or tuple of numbers
    (a point, a pair, a view), is written as JavaScript writes it; the
    playground's runs may be a list of {"kind": name, parameter: number}.
    Anything else is refused by name.
    """
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise SettingError(f"{_shorten(name)} must be text without unpaired surrogates") from None
        if "\0" in value:
            raise SettingError(f"{_shorten(name)} must be text without NUL characters")
        return value
    if hasattr(value, "tolist") and getattr(value, "ndim", 0) > 0:  # a numpy array
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        if name == "runs" and value and all(isinstance(run, dict) for run in value):
            return ",".join(_run_text(run) for run in value)
        return ",".join(_scalar(name, v) for v in value)
    return _scalar(name, value)


def _run_text(run):
    kind = run.get("kind")
    if not isinstance(kind, str) or not _RUN_KIND.fullmatch(kind):
        raise SettingError(f"runs: each run's kind must be an optimizer's name, such as \"momentum\" (got {_shorten(repr(kind))})")
    fields = [kind]
    for key, value in run.items():
        if key == "kind":
            continue
        if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]{0,19}", key):
            raise SettingError(f"runs: {kind}'s parameter {_shorten(repr(key))} is not a parameter's name")
        fields.append(f"{key}={_scalar(f'runs: {kind}.{key}', value)}")
    return ":".join(fields)


# The ranges that depend on another setting (params.js: a kind given as a
# function of the scene). tests/python checks that these are all of them.
def _dynamic(scene_name, key, scene, expect):
    if (scene_name, key) == ("step-sizes", "lr"):
        a = scene["scenario"]["problem"]["a"]
        return dict(expect, min=scene["ratioRange"][0] / a, max=scene["ratioRange"][1] / a)
    if (scene_name, key) == ("sgd-cloud", "batch"):
        return dict(expect, max=scene["scenario"]["problem"]["n"])
    if (scene_name, key) == ("lbfgs", "w0"):
        view = scene["problems"][scene.get("show", "rosenbrock")]["view"]
        return dict(expect, x=view["x"], y=view["y"])
    raise RuntimeError(f"{scene_name}.{key}: a range that depends on other settings, which this module does not know")


_DYNAMIC = {("step-sizes", "lr"), ("sgd-cloud", "batch"), ("lbfgs", "w0")}


def _set(name, key, scene, value):
    """What a setting changes in the scene (params.js's set); the shared state's keys are kept apart."""
    scenario = scene.get("scenario")
    if name == "step-sizes":
        if key == "a":
            scenario["problem"]["a"] = value
        elif key == "lr":
            scene["ratio"] = value * scenario["problem"]["a"]
        elif key == "w0":
            scenario["w0"] = [value]
        elif key == "steps":
            scenario["steps"] = value
    elif name == "sgd-cloud":
        if key in ("condition", "noise", "data_seed"):
            scenario["problem"][key] = value
        elif key == "n":
            scenario["problem"]["n"] = value
            scenario["optimizer"]["batch"] = min(scenario["optimizer"]["batch"], value)
        elif key in ("lr", "batch"):
            scenario["optimizer"][key] = value
        elif key in ("w0", "seed", "steps"):
            scenario[key] = value
    elif name == "annealing":
        if key in ("lr", "batch"):
            scenario["optimizer"][key] = value
        elif key == "runs":
            scene["runs"] = value
        else:
            scenario[key] = value
    elif name in ("momentum", "rate-map", "beta-effect"):
        if key == "curvature":
            scenario["problem"]["A"] = [[value[0], 0], [0, value[1]]]
        elif key == "steps":
            scenario["steps"] = value
        elif key == "gd":
            scene["gd"] = value
        elif key == "lr" and name == "beta-effect":
            scene["eta"] = value
        elif key == "lock":
            scene["lock"] = value
        else:
            scene["shared"][key] = value
    elif name == "noise-smoothing":
        if key == "lr":
            scenario["optimizer"]["lr"] = value
        elif key == "beta":
            scene["beta"] = value
        elif key == "curvature":
            scenario["problem"]["A"] = [[value[0], 0], [0, value[1]]]
        elif key == "noise":
            scenario["problem"]["noise"] = value
        else:
            scenario[key] = value
    elif name == "adaptive":
        if key == "noise":
            scenario["problem"]["noise"] = value
        elif key == "momentum":
            scene["tuning"] = value
        else:
            scenario[key] = value
    elif name == "lbfgs":
        if key == "problem":
            scene["show"] = value
        elif key == "w0":
            scene["problems"][scene.get("show", "rosenbrock")]["w0"] = value
        else:
            scene[key] = value
    elif name == "playground":
        scene[key] = value


def _scenario(name, scene):
    """The scenario of the figure's main run, as the element's scenario() gives it (web/src/figures)."""
    scenario = scene.get("scenario")
    if name == "step-sizes":
        return dict(scenario, optimizer={"kind": "gd", "lr": scene["ratio"] / scenario["problem"]["a"]})
    if name == "sgd-cloud":
        o = scenario["optimizer"]
        return {"problem": scenario["problem"], "optimizer": {"kind": "sgd", "lr": o["lr"], "batch": o["batch"]},
                "w0": scenario["w0"], "steps": scenario["steps"], "seed": scenario["seed"]}
    if name == "annealing":
        o = scenario["optimizer"]
        return dict(scenario, seed=scenario["seed"], optimizer={"kind": "sgd", "lr": o["lr"], "batch": o["batch"]})
    if name in ("momentum", "rate-map"):
        shared = scene["shared"]
        return dict(scenario, w0=shared["w0"], optimizer={"kind": "momentum", "lr": shared["lr"], "beta": shared["beta"]})
    if name == "beta-effect":
        locked = scene.get("lock") != "off"
        eta = scene["eta"]
        return dict(scenario, optimizer={"kind": "momentum", "lr": eta * (1 - 0.9) if locked else eta, "beta": 0.9})
    if name == "noise-smoothing":
        return dict(scenario)
    if name == "adaptive":
        problem = scenario["problem"]
        noise = problem.get("noise", 0)
        return dict(scenario, problem=dict(problem, noise=noise if noise > 0 else 0))
    if name == "lbfgs":
        setup = scene["problems"][scene.get("show", "rosenbrock")]
        return {"problem": setup["problem"], "optimizer": {"kind": "lbfgs", "memory": scene["memory"]},
                "w0": setup["w0"], "steps": scene["steps"]}
    if name == "playground":
        start = scene["presets"][scene["preset"]]
        problem = {"kind": "expression", "f": scene.get("f", start["f"]), "noise": scene["noise"]}
        runs = [{"problem": problem, "optimizer": dict(run), "w0": list(scene.get("w0", start["w0"])),
                 "steps": scene["steps"], "seed": scene["seed"]} for run in scene.get("runs", start["runs"])]
        return runs[0] if len(runs) == 1 else runs
    raise RuntimeError(f"no scenario for {name}")


def scene_file(name):
    """The scene file a figure reads: figures 4 and 6 share the bowl's."""
    return {"momentum": "bowl-momentum", "rate-map": "bowl-momentum"}.get(name, name)


def check(scene_name, settings):
    """Check a figure's settings as the element does: (scene, texts, errors).

    scene is the figure's scene with the settings applied, texts the
    attributes' text, errors the element's English messages (empty when all
    is well). settings maps names to values or attribute texts.
    """
    spec = _spec()
    names = list(spec["scenes"])
    errors = []
    if not isinstance(scene_name, str) or _trim(scene_name) not in spec["scenes"]:
        text = "" if scene_name is None else _trim(str(scene_name))
        errors.append(f"scene \"{_shorten(text)}\" is not a figure: use one of {', '.join(names)}" if text
                      else f"scene is missing: use one of {', '.join(names)}")
        return None, {}, errors
    name = _trim(scene_name)
    params = spec["scenes"][name]["params"]
    texts = {key: _text(key, value) for key, value in settings.items()}
    for key in texts:
        if key not in params and key not in spec["commonAttributes"]:
            errors.append(f"{_shorten(key)} is not a setting of {name}: its settings are {', '.join(params)}")
    scene = json.loads((_DATA / f"{scene_file(name)}.json").read_text(encoding="utf-8"))
    if name in ("momentum", "rate-map"):
        s = scene["scenario"]
        scene["shared"] = {"lr": s["optimizer"]["lr"], "beta": s["optimizer"]["beta"], "w0": list(s["w0"])}
    for key, param in params.items():
        if key not in texts:
            continue
        expect = _dynamic(name, key, scene, param["expect"]) if param.get("dynamic") else param["expect"]
        value = _parse(expect, texts[key])
        if value is None:
            errors.append(_must_be(key, expect, texts[key]))
        else:
            _set(name, key, scene, value)
    for key in ("lang", "theme", "text", "share", "heading"):
        if key in texts and _parse(spec["common"][key], texts[key]) is None:
            errors.append(_must_be(key, spec["common"][key], texts[key]))
    if "width" in texts and texts["width"] != "auto" and _parse(spec["common"]["width"], texts["width"]) is None:
        errors.append(_must_be("width", {"type": "auto", "or": spec["common"]["width"]}, texts["width"]))
    if "controls" in texts:
        listed = texts["controls"]
        controls = spec["scenes"][name]["controls"]
        wanted = [c for c in (_trim(c) for c in listed.split(",")) if c]
        unknown = [c for c in wanted if c not in controls]
        if _trim(listed) not in ("none", "all") and unknown:
            unknown = [_shorten(c) for c in unknown[:10]] + (["…"] if len(unknown) > 10 else [])
            errors.append(f"controls has {', '.join(chr(34) + c + chr(34) for c in unknown)}: "
                          f"use \"all\", \"none\" or a list of {', '.join(controls)}")
    return scene, texts, errors


def _current_cell():
    """(source, execution count) of the cell IPython is running, or (None, None) outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None, None
    shell = get_ipython()
    if shell is None:
        return None, None
    history = shell.user_ns.get("_ih") or [None]
    return history[-1], shell.execution_count


def _embed_script():
    path = _DATA / "optlab-embed.js"
    if not path.exists():
        raise RuntimeError(f"{path} is missing: optlab.figure() needs the page built (./build.sh)")
    return _inline(path.read_text(encoding="utf-8"))


def _inline(script):
    """A script's text for a <script> element in a page.

    Inside it, "</script" would end the element early and "<!--" change how
    the rest is read, and no rewriting of them is safe everywhere in
    JavaScript; the build keeps both out of the embed script (a test holds
    it to that), so here they are refused, never rewritten.
    """
    text = script.lstrip("\ufeff")
    found = re.search(r"</script|<!--", text, flags=re.I)
    if found:
        raise RuntimeError(f"the embed script holds {found.group(0)!r} at {found.start()}, and cannot be inlined in a page")
    return text


class Figure:
    """A live figure of the lesson; displayed in a notebook, it is the page's element.

    fig.scenario() is the scenario of its main run, for optlab.run (a list
    of them for the playground's several runs).
    """

    def __init__(self, scene, settings):
        spec_scene, texts, errors = check(scene, settings)
        if errors:
            raise SettingError("\n".join(errors))
        self.scene = _trim(scene)
        self.settings = texts
        self._scene = spec_scene
        if self.scene == "playground":
            self._check_runs()

    def _check_runs(self):
        # The element shows what is wrong with a typed function or a run in
        # the figure; here the core reads the function, then each run's
        # scenario for no steps, and the cell gets its message.
        typed = self._scene.get("f")
        if typed is not None:
            answer = json.loads(_core.expression(typed))
            if not answer["ok"]:
                raise SettingError(f"f: {answer['error']['message']}")
        runs = self.scenario()
        for i, one in enumerate(runs if isinstance(runs, list) else [runs]):
            try:
                _core.run(json.dumps(dict(one, steps=0)))
            except _core.ScenarioError as e:
                raise SettingError(f"runs: run {i + 1} ({one['optimizer'].get('kind')}): {e}") from None

    def scenario(self):
        """The scenario of the figure's main run, as the figure's JSON export gives it."""
        return json.loads(json.dumps(_scenario(self.scene, self._scene)))

    def _element(self):
        # html.escape leaves CR, which the HTML parser would turn into LF.
        attributes = "".join(f' {key}="{html.escape(value, quote=True).replace(chr(13), "&#13;")}"' for key, value in self.settings.items())
        return f'<optlab-figure scene="{self.scene}"{attributes}></optlab-figure>'

    def _repr_html_(self):
        global _carrier
        element = self._element()
        cell = _current_cell()
        # Inline once per session, in the first figure's output; and again
        # when that cell runs again (same source, a later execution), since
        # its new output replaces the one that held the script, and the
        # saved notebook would otherwise lose it.
        if _carrier is not None and (cell[0] != _carrier[0] or cell[1] == _carrier[1]):
            return element
        _carrier = cell
        # Guarded: a page that holds two outputs with the script runs it once.
        return f"<script>if(!globalThis.optlab){{{_embed_script()}\n}}</script>{element}"

    def __repr__(self):
        settings = "".join(f", {key}={value!r}" for key, value in self.settings.items())
        return f"optlab.figure({self.scene!r}{settings})"


def settings(scene):
    """What a figure's settings take, in the element's words: {name: "a number from 0.001 to 1", ...}.

    The figure's own settings first, then those every figure reads (lang,
    theme, controls, text, share, width, heading). A range that depends on
    another setting is given for the scene's defaults.
    """
    spec = _spec()
    if not isinstance(scene, str) or scene not in spec["scenes"]:
        raise SettingError(f"scene {_shorten(repr(scene))} is not a figure: use one of {', '.join(spec['scenes'])}")
    entry = spec["scenes"][scene]
    out = {key: _expected(param["expect"]) for key, param in entry["params"].items()}
    for key, expect in spec["common"].items():
        out[key] = _expected({"type": "auto", "or": expect} if key == "width" else expect)
    out["controls"] = f'"all", "none" or a list of {", ".join(entry["controls"])}'
    return out


def figure(scene, **settings):
    """A live figure of the lesson, displayed by the notebook as the page draws it.

        optlab.figure("momentum", lr=0.02, beta=0.9, lang="ko")

    scene is one of step-sizes, sgd-cloud, annealing, momentum, beta-effect,
    rate-map, noise-smoothing, lbfgs, adaptive, playground; the settings are
    the element's attributes (docs/embedding.md): numbers, text, points as
    (w1, w2), the playground's runs as a list of dicts such as
    {"kind": "momentum", "lr": 0.01, "beta": 0.9}. Raises SettingError (a
    ValueError) naming every setting that is out of range, in the element's
    words. optlab.figure_settings(scene) lists what each setting takes.
    """
    return Figure(scene, settings)
