"""The module optlab in-process, as a Python user calls it: the same bits as
the CLI (and so as wasm, which tests/js/native-equals-wasm holds to the
CLI), the CLI's messages for bad input, arrays of their own, docstrings,
and a wheel built offline that installs and runs elsewhere.

Run by ./build.sh test python with PYTHONPATH at build/native/python.
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import numpy as np

import optlab

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("OPTLAB_CLI", str(ROOT / "build" / "native" / "optlab"))
ARRAYS = ("w", "loss", "grad_norm", "w_avg", "batches", "optimum")


def cli(*args, stdin=""):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, text=True, check=False)


def cli_json(*args, stdin):
    result = cli(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def shared_scenarios():
    for path in sorted((ROOT / "tests" / "scenarios").glob("*.json")):
        for i, scenario in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            yield f"{path.name}#{i} ({scenario['optimizer']['kind']} on {scenario['problem']['kind']})", scenario


def same_bits(test, got, want, what):
    """got (an array) holds exactly the doubles of want (the CLI's JSON lists): -0 and 0 differ."""
    want = np.asarray(want, dtype=got.dtype)
    if want.size == 0 and got.ndim == 2:  # [] in JSON: no rows of got's width
        want = want.reshape(0, got.shape[1])
    test.assertEqual(got.shape, want.shape, what)
    test.assertEqual(got.tobytes(), want.tobytes(), what)


class SameAsTheCli(unittest.TestCase):
    def test_every_shared_scenario_gives_the_clis_bits(self):
        count = 0
        for name, scenario in shared_scenarios():
            with self.subTest(name):
                text = json.dumps(scenario)
                want = cli_json("run", "-", stdin=text)
                got = optlab.run(scenario)
                self.assertEqual(list(got), list(want), "the same keys in the same order")
                for key, value in want.items():
                    if key in ARRAYS and value is not None:
                        self.assertIsInstance(got[key], np.ndarray, key)
                        same_bits(self, got[key], value, key)
                    else:
                        self.assertEqual(got[key], value, key)
                count += 1
        self.assertGreaterEqual(count, 40)

    def test_an_array_of_scenarios_runs_as_the_cli_runs_it(self):
        scenarios = [s for _, s in shared_scenarios()][:5]
        want = cli_json("run", "-", stdin=json.dumps(scenarios))
        got = optlab.run(scenarios)
        self.assertEqual(len(got), 5)
        for g, w in zip(got, want):
            same_bits(self, g["w"], w["w"], "w")
            same_bits(self, g["loss"], w["loss"], "loss")

    def test_numbers_given_as_numpy_scalars_and_arrays_are_the_same_numbers(self):
        plain = {"problem": {"kind": "quadratic", "A": [[1.0, 0.0], [0.0, 5.0]]},
                 "optimizer": {"kind": "momentum", "lr": 0.1 / 3, "beta": 0.9}, "w0": [1.0, 1.0], "steps": 50}
        numpy = {"problem": {"kind": "quadratic", "A": np.diag([1.0, 5.0])},
                 "optimizer": {"kind": "momentum", "lr": np.float64(0.1) / 3, "beta": np.float64(0.9)},
                 "w0": np.ones(2), "steps": np.int64(50)}
        same_bits(self, optlab.run(numpy)["w"], optlab.run(plain)["w"].tolist(), "w")

    def test_the_verbs_give_the_clis_answers(self):
        bowl = [1.0, 5.0]
        well = {"kind": "double_well", "tilt": 0.2}
        squares = {"kind": "least_squares", "n": 6, "dim": 2, "data_seed": 4}
        noisy = {"kind": "quadratic", "A": [[1, 0], [0, 5]], "noise": 0.5}
        scenario = {"problem": {"kind": "quadratic1d", "a": 2}, "optimizer": {"kind": "gd", "lr": 0.1},
                    "w0": [1], "steps": 20}
        verb = lambda name, request: cli_json(name, "-", stdin=json.dumps(request))

        values = verb("grid", {"problem": {"kind": "rosenbrock"}, "x": [-2, 2], "nx": 7, "y": [-1, 3], "ny": 5})["values"]
        same_bits(self, optlab.grid({"kind": "rosenbrock"}, [-2, 2], 7, [-1, 3], 5), np.reshape(values, (5, 7)), "grid")
        same_bits(self, optlab.gradients(squares, [0.3, -0.2]),
                  verb("gradients", {"problem": squares, "w": [0.3, -0.2]})["gradients"], "gradients")
        request = {"problem": squares, "w": [0.3, -0.2], "batch": 2, "seed": 7, "draws": 9}
        same_bits(self, optlab.batch_gradients(squares, [0.3, -0.2], 2, 7, 9), verb("batch_gradients", request)["gradients"],
                  "batch_gradients")
        noise = optlab.batch_noise(squares, [0.3, -0.2], 2, 7, 9)
        want = verb("batch_noise", request)
        same_bits(self, noise.pop("mean"), want.pop("mean"), "batch_noise mean")
        self.assertEqual(noise, want)
        same_bits(self, optlab.gradient_noise(noisy, 3, 10),
                  verb("gradient_noise", {"problem": noisy, "seed": 3, "steps": 10})["noise"], "gradient_noise")
        lrs, betas, rate = optlab.rate_map(bowl, [0.001, 1], 16, [0, 0.99], 9)
        want = verb("rate_map", {"eigenvalues": bowl, "lr": [0.001, 1], "nLr": 16, "beta": [0, 0.99], "nBeta": 9})
        same_bits(self, lrs, want["lr"], "rate_map lr")
        same_bits(self, betas, want["beta"], "rate_map beta")
        same_bits(self, rate, np.reshape(want["rate"], (9, 16)), "rate_map rate")
        _, _, simulated = optlab.simulated_rate_map(bowl, [0.001, 1], 4, [0, 0.99], 3, 50)
        want = verb("simulated_rate_map", {"eigenvalues": bowl, "lr": [0.001, 1], "nLr": 4, "beta": [0, 0.99], "nBeta": 3,
                                           "steps": 50})
        same_bits(self, simulated, np.reshape(want["rate"], (3, 4)), "simulated_rate_map")
        lines = optlab.momentum_boundaries(bowl, [0.001, 1], [0, 0.99], 50, 16)
        want = verb("momentum_boundaries", {"eigenvalues": bowl, "lr": [0.001, 1], "beta": [0, 0.99], "samples": 50,
                                            "edgeSegments": 16})
        same_bits(self, lines["edge"], np.reshape(want["edge"], (-1, 2)), "edge")
        self.assertEqual(len(lines["damping"]), len(want["damping"]))
        self.assertEqual(optlab.rates(bowl, 0.1, 0.5), verb("rates", {"eigenvalues": bowl, "lr": 0.1, "beta": 0.5}))
        self.assertEqual(optlab.optimal(bowl), verb("optimal", {"eigenvalues": bowl}))
        loss, diverged = optlab.loss_sweep(scenario, [0.1, 0.5, 1.2])
        want = verb("loss_sweep", {"scenario": scenario, "lrs": [0.1, 0.5, 1.2]})
        same_bits(self, loss, want["loss"], "loss_sweep loss")
        self.assertEqual(diverged.tolist(), want["diverged_at"])
        self.assertEqual(optlab.double_well(well), verb("double_well", {"problem": well}))
        X, y = optlab.data(squares)
        want = verb("data", {"problem": squares})
        same_bits(self, X, want["X"], "data X")
        same_bits(self, y, want["y"], "data y")
        w, diverged = optlab.finals(dict(scenario, problem={"kind": "double_well"}, optimizer={"kind": "sgd", "lr": 0.1}), 12)
        want = cli_json("finals", "-", "12", stdin=json.dumps(dict(scenario, problem={"kind": "double_well"},
                                                                    optimizer={"kind": "sgd", "lr": 0.1})))
        same_bits(self, w, want["w"], "finals")
        self.assertEqual(diverged.tolist(), want["diverged"])
        self.assertEqual(optlab.optimizers(), cli_json("optimizers", stdin=""))
        self.assertEqual(optlab.check_expression("x^2 + sinn(y)"), verb("expression", {"f": "x^2 + sinn(y)"}))


class BadInput(unittest.TestCase):
    BAD = [
        {"problem": {"kind": "quadratic1d", "a": 2}, "optimizer": {"kind": "gd", "lr": -1}, "w0": [1], "steps": 3},
        {"problem": {"kind": "quadratic1d", "a": 2}, "optimizer": {"kind": "gd", "lr": 0.1}, "w0": [1], "steps": 3, "speed": 1},
        {"problem": {"kind": "quadratic", "A": [[1, 2], [2, 1]]}, "optimizer": {"kind": "gd", "lr": 0.1}, "w0": [1, 1], "steps": 3},
        {"problem": {"kind": "double_well", "n": 8}, "optimizer": {"kind": "sgd", "lr": 0.1, "batch": 9}, "w0": [1], "steps": 3},
        {"problem": {"kind": "quadratic1d", "a": 2}, "optimizer": {"kind": "gd", "lr": 0.1}, "w0": [1], "steps": 1000000},
        {"problem": {"kind": "expression", "f": "x^2 + sinn(y)"}, "optimizer": {"kind": "gd", "lr": 0.1}, "w0": [1, 1], "steps": 3},
        [],
    ]

    def test_bad_scenarios_raise_scenario_error_with_the_clis_message(self):
        for scenario in self.BAD:
            with self.subTest(json.dumps(scenario)[:80]):
                result = cli("run", "-", stdin=json.dumps(scenario))
                self.assertEqual(result.returncode, 2)
                with self.assertRaises(optlab.ScenarioError) as caught:
                    optlab.run(scenario)
                self.assertEqual(f"optlab: {caught.exception}\n", result.stderr)
                self.assertIsInstance(caught.exception, ValueError)

    def test_bad_requests_of_the_verbs_too(self):
        request = {"problem": {"kind": "double_well"}, "x": [-2, 2], "nx": 9, "y": [-1, 1], "ny": 3}
        result = cli("grid", "-", stdin=json.dumps(request))
        self.assertEqual(result.returncode, 2)
        with self.assertRaises(optlab.ScenarioError) as caught:
            optlab.grid({"kind": "double_well"}, [-2, 2], 9, [-1, 1], 3)
        self.assertEqual(f"optlab: {caught.exception}\n", result.stderr)

    def test_what_json_cannot_hold_is_refused_by_name(self):
        with self.assertRaisesRegex(optlab.ScenarioError, "finite numbers"):
            optlab.run({"problem": {"kind": "quadratic1d", "a": float("nan")}})
        with self.assertRaisesRegex(TypeError, "object is not a number"):
            optlab.run({"problem": {"kind": "quadratic1d", "a": object()}})


class AsAPythonUserExpects(unittest.TestCase):
    SCENARIO = {"problem": {"kind": "least_squares", "n": 8}, "optimizer": {"kind": "sgd", "lr": 0.05, "batch": 2},
                "w0": [0, 0], "steps": 30, "seed": 5}

    def test_arrays_own_their_memory_and_nothing_is_shared_between_runs(self):
        first = optlab.run(self.SCENARIO)
        for key in ARRAYS:
            self.assertTrue(first[key].flags.owndata, key)
            self.assertTrue(first[key].flags.writeable, key)
        kept = first["w"].copy()
        first["w"][:] = 99
        second = optlab.run(self.SCENARIO)
        self.assertEqual(second["w"].tobytes(), kept.tobytes())
        self.assertEqual(first["batches"].shape, (30, 2))
        self.assertEqual(first["batches"].dtype, np.int64)

    def test_help_says_what_each_function_does(self):
        for name in optlab.__all__:
            if name != "ScenarioError":
                self.assertTrue((getattr(optlab, name).__doc__ or "").strip(), name)
        self.assertIn("ScenarioError", optlab.run.__doc__)
        self.assertIn("w_avg", optlab.run.__doc__)

    def test_scenes_are_the_pages(self):
        self.assertEqual(optlab.scene("bowl-momentum"),
                         json.loads((ROOT / "web" / "scenes" / "bowl-momentum.json").read_text(encoding="utf-8")))
        with self.assertRaisesRegex(ValueError, "'nope' is not one of adaptive, annealing"):
            optlab.scene("nope")
        with self.assertRaises(ValueError):
            optlab.scene("../../../etc/passwd")


@unittest.skipUnless(os.environ.get("OPTLAB_WHEEL_TEST", "1") == "1", "OPTLAB_WHEEL_TEST=0")
class Wheel(unittest.TestCase):
    def test_a_wheel_builds_offline_and_runs_from_another_folder(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
            subprocess.run(["/usr/bin/python3", "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
                            str(ROOT / "cpp" / "python"), "-w", str(tmp / "wheel")], check=True, env=env,
                           capture_output=True, text=True)
            wheels = list((tmp / "wheel").glob("optlab-*.whl"))
            self.assertEqual(len(wheels), 1)
            # Installed as README says: into a virtual environment of Debian's Python that sees its numpy.
            venv = tmp / "venv"
            subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
                           check=True, env=env, capture_output=True, text=True)
            python = str(venv / "bin" / "python")
            subprocess.run([python, "-m", "pip", "install", "--no-deps", "--no-index", str(wheels[0])], check=True, env=env,
                           capture_output=True, text=True)
            probe = ("import optlab, json, sys; out = optlab.run(json.loads(sys.stdin.read())); "
                     "print(optlab.__file__); print(json.dumps(out['w'].tolist()))")
            scenario = next(s for _, s in shared_scenarios())
            result = subprocess.run([python, "-c", probe], input=json.dumps(scenario), cwd=tmp, env=env,
                                    capture_output=True, text=True, check=True)
            where, w = result.stdout.splitlines()
            self.assertTrue(where.startswith(str(venv)), where)
            same_bits(self, np.asarray(json.loads(w)), cli_json("run", "-", stdin=json.dumps(scenario))["w"], "w")
            package = Path(where).parent
            for data in ("optlab-embed.js", "settings.json", "bowl-momentum.json", "methods.json"):
                self.assertTrue((package / "data" / data).exists(), data)
        self.assertFalse((ROOT / "cpp" / "python" / "build").exists(), "the wheel's build stays out of the sources")
        self.assertFalse(list((ROOT / "cpp" / "python").glob("*.egg-info")))


if __name__ == "__main__":
    unittest.main()
