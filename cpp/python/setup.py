"""The optlab wheel: the package in optlab/ with the extension optlab._core
that CMake builds from the repository's core (CMakeLists.txt's
OPTLAB_BUILD_PYTHON), and the scenes and styles the package reads.

Offline, with Debian's setuptools, pybind11 and Python headers:

    /usr/bin/python3 -m pip wheel --no-build-isolation --no-deps cpp/python -w build/wheel

Building happens under build/wheel-build in the repository, never in this folder.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORK = ROOT / "build" / "wheel-build"
if not (ROOT / "CMakeLists.txt").exists() or not (ROOT / "cpp" / "python" / "module.cpp").exists():
    sys.exit("optlab's wheel is built from the optlab repository (cpp/python in it), which is not around this setup.py")
VERSION = re.search(r"project\(optlab VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text()).group(1)
os.chdir(HERE)  # the package's folder is found from here, wherever setup.py was run from


class CMakeBuild(build_ext):
    """The extension from CMake, with the core's own flags (native = wasm bits)."""

    def build_extension(self, ext):
        tree = WORK / "cmake"
        subprocess.check_call([
            "cmake", "-S", str(ROOT), "-B", str(tree), "-DCMAKE_BUILD_TYPE=Release",
            "-DOPTLAB_BUILD_PYTHON=ON", "-DOPTLAB_BUILD_CLI=OFF", "-DOPTLAB_BUILD_BENCH=OFF",
            "-DOPTLAB_BUILD_TESTS=OFF", f"-DPython_EXECUTABLE={sys.executable}",
        ])
        subprocess.check_call(["cmake", "--build", str(tree), "--target", "optlab_python",
                               "-j", str(os.cpu_count() or 1)])
        built = next((tree / "python" / "optlab").glob("_core*" + Path(self.get_ext_filename("x")).suffix))
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


class WithData(build_py):
    """The package's data: the page's scenes and method styles, its embed script and its figures' settings."""

    def run(self):
        super().run()
        data = Path(self.build_lib) / "optlab" / "data"
        data.mkdir(parents=True, exist_ok=True)
        for scene in (ROOT / "web" / "scenes").glob("*.json"):
            shutil.copyfile(scene, data / scene.name)
        shutil.copyfile(ROOT / "web" / "src" / "plot" / "methods.json", data / "methods.json")
        for built in (ROOT / "dist" / "optlab-embed.js", ROOT / "build" / "web" / "settings.json"):
            if not built.exists():
                sys.exit(f"{built.relative_to(ROOT)} is missing (optlab.figure() needs it): run ./build.sh first")
            shutil.copyfile(built, data / built.name)


WORK.mkdir(parents=True, exist_ok=True)
setup(
    name="optlab",
    version=VERSION,
    description="Gradient-based optimization, as the lesson teaches it: the C++ core in-process, live figures in Jupyter",
    packages=["optlab"],
    ext_modules=[Extension("optlab._core", sources=[])],
    cmdclass={"build_ext": CMakeBuild, "build_py": WithData},
    install_requires=["numpy"],
    python_requires=">=3.8",
    zip_safe=False,
    options={"build": {"build_base": str(WORK / "setuptools")}, "egg_info": {"egg_base": str(WORK)}},
)
