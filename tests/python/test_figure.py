"""optlab.figure(): its settings are checked as the element checks them, in
the element's words. The element's side is asked through node
(settings-oracle.mjs runs web/src/embed/params.js's parseSettings), over
cases made from every setting's kind: values at and beyond each end,
text that JavaScript's Number and Python's float read differently, ranges
that depend on another setting, and the attributes every figure reads.
How the figures draw in a notebook: tests/browser/notebook-figures.test.mjs.
"""

import json
import math
import random
import subprocess
import unittest
from pathlib import Path

import optlab
from optlab import figures as fig

HERE = Path(__file__).resolve().parent


def oracle(cases=(), numbers=(), texts=()):
    result = subprocess.run(["node", str(HERE / "settings-oracle.mjs")], input=json.dumps(
        {"cases": list(cases), "numbers": list(numbers), "texts": list(texts)}), capture_output=True, text=True,
        check=True, cwd=HERE.parent.parent)
    return json.loads(result.stdout)


def js_number(x):
    return x if math.isfinite(x) else ("Infinity" if x > 0 else "-Infinity")


def samples(expect):
    """Texts for a kind: inside, at and beyond its ends, and malformed."""
    kind = expect["type"]
    if kind == "number":
        lo, hi = expect["min"], expect.get("max", expect["min"] + 10)
        xs = [lo, hi, (lo + hi) / 2, lo - 1, hi + 1, lo - 1e-9 * max(1, abs(lo))]
        texts = [fig._js(x) for x in xs]
        return texts + ["abc", "", " ", f" {fig._js(hi)} ", "0x10", "1_0", "1e400", "Infinity", "-0", ".5", "5.", "+3",
                        "1e3", "0b11", "nan", "inf", "2.5", "\u00a01\u00a0", "\u001c1", "1,2"]
    if kind == "oneOf":
        return expect["choices"] + [f" {expect['choices'][0]} ", "nope", "", expect["choices"][0].upper()]
    if kind == "point":
        (x0, x1), (y0, y1) = expect["x"], expect["y"]
        return [f"{fig._js(x0)},{fig._js(y1)}", f"{fig._js(x1 + 1)},0", f"0,{fig._js(y0 - 1)}", "1", "a,b", " 0 , 0 ",
                "0,0,0", ",0", "0x1,0", "1_0,0"]
    if kind == "pair":
        lo, hi = expect["min"], expect["max"]
        return [f"{fig._js(lo)},{fig._js(hi)}", f"{fig._js(lo / 2 if lo > 0 else lo * 2)},1", "1", "5,5,5", "a,1", "2, 3"]
    if kind == "text":
        return ["x^2 + y^2", "x" * expect["most"], "x" * (expect["most"] + 1), "", "한" * (expect["most"] + 1), "😀" * 300]
    if kind == "view":
        return ["-1,1,-1,1", "1,0,0,1", "0,0.001,0,1", "-20000,1,0,1", "1,2,3", "0,1,0,1,", " -2 , 2 , -2 , 2 "]
    if kind == "runs":
        return ["gd:lr=0.1", "gd:lr=0.1,momentum:lr=0.01:beta=0.9", "bad run", "gd:lr=0.1:lr=0.2", ",".join(["gd"] * 7),
                "gd:kind=1", "gd:lr=abc", "Gd:lr=1", "gd:lr=1e400", "gd:lr=0x10", "gd:lr= 1 ", "gd:l-r=1", "x" * 2001]
    raise AssertionError(kind)


class SameWordsAsTheElement(unittest.TestCase):
    def test_every_setting_of_every_scene_is_refused_or_taken_as_the_element_does(self):
        spec = fig._spec()
        cases = []
        for scene, entry in spec["scenes"].items():
            for key, param in entry["params"].items():
                for text in samples(param["expect"]):
                    cases.append({"scene": scene, "settings": {key: text}})
            cases.append({"scene": scene, "settings": {"speed": "1", "lr2": "3"}})
            cases.append({"scene": scene, "settings": {"controls": ",".join(entry["controls"]) + ",nope, also"}})
            cases.append({"scene": scene, "settings": {"controls": "none"}})
            cases.append({"scene": scene, "settings": {"controls": " all "}})
        for key, expect in spec["common"].items():
            for text in samples(expect) + ["auto"]:
                cases.append({"scene": "momentum", "settings": {key: text}})
        # Ranges that depend on another setting, read first.
        for a in ("4", "0.5", "1000", "bad"):
            for lr in ("2", "0.002", "0.5", "8"):
                cases.append({"scene": "step-sizes", "settings": {"a": a, "lr": lr}})
        for n in ("10", "2", "200", "0"):
            for batch in ("1", "5", "10", "11", "200"):
                cases.append({"scene": "sgd-cloud", "settings": {"n": n, "batch": batch}})
        for problem in ("rosenbrock", "bowl", "nope"):
            for w0 in ("1.7,0", "-1.9,2.9", "0,-1.5"):
                cases.append({"scene": "lbfgs", "settings": {"problem": problem, "w0": w0}})
        cases += [{"scene": "", "settings": {}}, {"scene": "nope", "settings": {}}, {"scene": " momentum ", "settings": {}},
                  {"scene": "x" * 100, "settings": {}}, {"scene": "momentum", "settings": {"x" * 100: "1"}}]
        # And every setting taken, together, as a link or an author would give them.
        for scene, entry in spec["scenes"].items():
            taken = {key: samples(param["expect"])[0] for key, param in entry["params"].items() if not param.get("dynamic")}
            cases.append({"scene": scene, "settings": taken})
        answer = oracle(cases)
        want, states = answer["messages"], answer["states"]
        self.assertEqual(len(want), len(cases))
        refused = 0
        for case, messages, state in zip(cases, want, states):
            what = json.dumps(case, ensure_ascii=False)[:200]
            scene, _, got = fig.check(case["scene"], case["settings"])
            self.assertEqual(got, messages, what)
            refused += bool(messages)
            # What the settings change in the scene, and in the state two figures share.
            if scene is not None:
                shared = scene.pop("shared", None)
                self.assertEqual(scene, state["scene"], what)
                self.assertEqual(shared, state["shared"], what)
        self.assertGreater(refused, len(cases) // 3)
        self.assertLess(refused, len(cases))

    def test_the_ranges_that_depend_on_other_settings_are_the_ones_this_module_knows(self):
        spec = fig._spec()
        dynamic = {(scene, key) for scene, entry in spec["scenes"].items()
                   for key, param in entry["params"].items() if param.get("dynamic")}
        self.assertEqual(dynamic, fig._DYNAMIC)

    def test_numbers_are_written_and_read_as_javascript_does(self):
        rng = random.Random(7)
        numbers = [0.001, 1e-7, 1e-6, 1.5e-7, 123.45, 1e21, 1e20, 1.5e21, 9007199254740991, 0.1 + 0.2, 5e-324,
                   1.7976931348623157e308, 100, 0.0078125, 1 / 3, 2 / 3 * 1e-5, 123456789012345680000.0, -0.5, -1e-9]
        numbers += [rng.uniform(-1, 1) * 10 ** rng.randint(-12, 25) for _ in range(300)]
        texts = ["", " ", "1", " 1 ", "0x1F", "0X1f", "0o17", "0b101", "-0x10", "1_000", "nan", "NaN", "inf", "Infinity",
                 "-Infinity", "+Infinity", "infinity", "1e400", "-1e400", ".5", "5.", ".", "+.5", "-.5e1", "1e", "e1",
                 "\u00a01", "\ufeff1", "\u001c1", "\u20281\u2029", "١", "1.5.2", "00012", "0x", "1 2", "+-1", "--1"]
        out = oracle(numbers=numbers, texts=texts)
        self.assertEqual([fig._js(x) for x in numbers], out["strings"])
        for text, want in zip(texts, out["numbers"]):
            got = fig._number(text)
            self.assertEqual(None if math.isnan(got) else js_number(got), want, repr(text))


class AsAStudentCallsIt(unittest.TestCase):
    def test_python_values_become_the_attributes_the_element_reads(self):
        f = optlab.figure("momentum", lr=0.02, beta=0.9, w0=(0.5, -1), curvature=[1, 8], lang="ko")
        self.assertEqual(f.settings, {"lr": "0.02", "beta": "0.9", "w0": "0.5,-1", "curvature": "1,8", "lang": "ko"})
        self.assertIn('<optlab-figure scene="momentum" lr="0.02" beta="0.9" w0="0.5,-1" curvature="1,8" lang="ko">',
                      f._repr_html_())
        self.assertEqual(f.scenario()["optimizer"], {"kind": "momentum", "lr": 0.02, "beta": 0.9})
        self.assertEqual(f.scenario()["problem"]["A"], [[1, 0], [0, 8]])
        runs = optlab.figure("playground", runs=[{"kind": "gd", "lr": 0.01}, {"kind": "momentum", "lr": 0.001, "beta": 0.9}])
        self.assertEqual(runs.settings["runs"], "gd:lr=0.01,momentum:lr=0.001:beta=0.9")
        self.assertEqual(len(runs.scenario()), 2)

    def test_each_figures_settings_are_listed_in_the_elements_words(self):
        listed = optlab.figure_settings("momentum")
        self.assertEqual(list(listed)[:6], ["curvature", "lr", "beta", "w0", "steps", "gd"])
        self.assertEqual(listed["lr"], "a number from 0.001 to 1")
        self.assertEqual(listed["width"], '"auto" or a number from 240 to 4000 (pixels)')
        self.assertEqual(listed["controls"], '"all", "none" or a list of lr, beta, heavy-ball, gd-step, player')
        # The words are those of the refusal for the same setting.
        with self.assertRaises(optlab.SettingError) as caught:
            optlab.figure("momentum", lr=5)
        self.assertIn(listed["lr"], str(caught.exception))
        for scene in fig._spec()["scenes"]:
            self.assertTrue(all(optlab.figure_settings(scene).values()), scene)
        with self.assertRaisesRegex(optlab.SettingError, "is not a figure"):
            optlab.figure_settings("nope")

    def test_every_scenario_runs_in_the_core(self):
        for scene in fig._spec()["scenes"]:
            with self.subTest(scene):
                scenario = optlab.figure(scene).scenario()
                for one in scenario if isinstance(scenario, list) else [scenario]:
                    self.assertGreater(len(optlab.run(one)["loss"]), 1)

    def test_mistakes_are_exceptions_that_name_every_setting(self):
        with self.assertRaises(optlab.SettingError) as caught:
            optlab.figure("momentum", lr=5, lang="fr", speed=1)
        self.assertEqual(str(caught.exception).splitlines(), [
            "speed is not a setting of momentum: its settings are curvature, lr, beta, w0, steps, gd",
            'lr must be a number from 0.001 to 1 (got "5")',
            'lang must be one of en, ko (got "fr")',
        ])
        self.assertIsInstance(caught.exception, ValueError)
        with self.assertRaisesRegex(optlab.SettingError, "runs: run 1 \\(adam\\): optimizer.lr must be"):
            optlab.figure("playground", runs=[{"kind": "adam", "lr": -1}])
        with self.assertRaisesRegex(optlab.SettingError, "beta must be a number or text, not bool"):
            optlab.figure("momentum", beta=True)
        with self.assertRaisesRegex(optlab.SettingError, 'scene "nope" is not a figure'):
            optlab.figure("nope")

    def test_attribute_values_cannot_break_out_of_the_element(self):
        with self.assertRaisesRegex(optlab.SettingError, "^f: .*column 11"):
            optlab.figure("playground", f='x^2 + y^2 "><script>alert(1)</script>')
        f = optlab.figure("playground", f="x^2 + y^2")
        f.settings["f"] = 'x^2 "><script>alert(1)</script>'
        element = f._element()
        self.assertNotIn("<script>", element)
        self.assertIn("&quot;&gt;&lt;script&gt;", element)

    def test_the_embed_script_is_inlined_once_guarded_and_never_rewritten(self):
        fig._carrier = None
        first = optlab.figure("momentum")._repr_html_()
        second = optlab.figure("momentum")._repr_html_()
        self.assertEqual(first.count("<script>"), 1)
        self.assertEqual(first.lower().count("</script"), 1)
        self.assertNotIn("<script", second)
        self.assertTrue(first.startswith("<script>if(!globalThis.optlab){"))
        self.assertNotIn("\ufeff", first)
        # A script that would end its element early, or change how the page reads it, is refused.
        self.assertEqual(fig._inline("\ufeffvar a = 1;"), "var a = 1;")
        for bad in ['var s = "</script>";', "var s = '</SCRIPT ';", "var s = '<!--';"]:
            with self.assertRaisesRegex(RuntimeError, "cannot be inlined"):
                fig._inline(bad)


class HostileSettings(unittest.TestCase):
    """Whatever a setting holds, the answer is a SettingError naming it, soon."""

    def test_long_texts_are_read_in_linear_time(self):
        import time
        for value in ["1" * 200000 + "x", "0x" + "f" * 200000, "1," * 100000, "gd:lr=" + "9" * 100000]:
            start = time.perf_counter()
            with self.assertRaises(optlab.SettingError):
                optlab.figure("momentum", w0=value)
            with self.assertRaises(optlab.SettingError):
                optlab.figure("playground", runs=value)
            self.assertLess(time.perf_counter() - start, 2.0, value[:20])

    def test_values_python_can_hold_but_a_setting_cannot(self):
        cases = [
            {"lr": 10 ** 400}, {"lr": -10 ** 5000}, {"lr": "0x" + "f" * 300}, {"lr": float("nan")}, {"lr": float("inf")},
            {"lr": [[0.1]]}, {"w0": [[[0.5]], 0.5]}, {"w0": [0.5, "0.5"]}, {"w0": {"x": 1}}, {"lr": None}, {"lr": object()},
            {"lr": "\ud800"}, {"lr": "0.1\0"}, {"beta": 1j},
        ]
        for settings in cases:
            with self.subTest(sorted(settings)):
                with self.assertRaises(optlab.SettingError):
                    optlab.figure("momentum", **settings)
        runs = [
            [{"kind": "gd", "lr": [0.1, "momentum:lr=0.01:beta=0.9"]}], [{"kind": "gd", "lr": "0.1:beta=0.9"}],
            [{"kind": "gd:lr=1"}], [{"kind": 3}], [{"lr": 0.1}], [{"kind": "gd", "l r": 1}], [{"kind": "gd", 1: 2}],
            [{"kind": "gd", "lr": 0.1}] * 7, "gd:lr=0.1," * 7, "\ud800",
        ]
        for value in runs:
            with self.subTest(repr(value)[:60]):
                with self.assertRaises(optlab.SettingError):
                    optlab.figure("playground", runs=value)

    def test_messages_stay_short_whatever_was_given(self):
        for settings in [{"controls": ",".join(f"c{i}" for i in range(100000))}, {"x" * 100000: 1}, {"lr": "9" * 100000}]:
            with self.assertRaises(optlab.SettingError) as caught:
                optlab.figure("momentum", **settings)
            self.assertLess(len(str(caught.exception)), 1000)
        _, _, errors = fig.check("s" * 100000, {})
        self.assertLess(len(errors[0]), 1000)

    def test_attribute_text_reaches_the_element_as_given(self):
        f = optlab.figure("playground", f="x^2 +\r y^2")
        self.assertIn('f="x^2 +&#13; y^2"', f._element())


if __name__ == "__main__":
    unittest.main()
