#!/usr/bin/env bash
# optlab's one entry point. Each command first installs what it needs and
# nothing more: missing Debian packages with apt-get when run as root (as
# another user it prints the apt-get line to run), the npm packages with
# `npm ci` when package-lock.json changed since the last install.
#
#   ./build.sh            build the CLI, the wasm core and the page (dist/), and
#                         the Python module when pybind11 and Python's headers are there
#   ./build.sh serve      build, then serve dist/ at http://$HOST:$PORT/
#                         (127.0.0.1:8000; HOST=0.0.0.0 serves every interface)
#   ./build.sh notebooks  build, and render the notebook into dist/notebooks/
#                         (installs numpy, pybind11, matplotlib, Jupyter's nbconvert and PyTorch)
#   ./build.sh jupyter    open the notebook in Jupyter at http://$HOST:$PORT/ (127.0.0.1:8888)
#   ./build.sh test [SUITE...]  build what the suites need, then run them; no
#                         SUITE runs all seven, in this order:
#                           cpp        the doctest suite, native (ctest)
#                           wasm       the same doctest suite compiled to wasm, under node
#                           python     tests/python: the module optlab in-process, its wheel
#                           notebooks  the notebooks, executed headlessly (once: the
#                                      same run renders them for dist/)
#                           node       tests/js: the wasm module, the CLI, native = wasm
#                           browser    tests/browser: dist/ in Chromium
#                           fuzz       the core under libFuzzer for 60 s
#   ./build.sh bench      build, run the benchmarks, write docs/benchmarks.md
#   ./build.sh fuzz [SECONDS]   fuzz the core (libFuzzer, ASan, UBSan; 60 s by default)
#   ./build.sh deps [COMMAND]   only install what COMMAND needs (default: the build)
#
# Each step prints one line; what it printed goes to build/logs/STEP.log,
# which a failing step names and shows the end of.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
LOGS=$ROOT/build/logs
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
export NODE_PATH=/usr/share/nodejs   # Emscripten's optimizer needs Debian's acorn

die() { printf 'optlab: %s\n' "$*" >&2; exit 1; }

# step NAME FUNCTION [ARGS...]: run FUNCTION with its output in build/logs/NAME.log.
# errexit holds inside FUNCTION because it is not run as a condition.
step() {
  local name=$1 log=$LOGS/$1.log start=$SECONDS rc=0
  shift
  mkdir -p "$LOGS"
  printf '%-34s' "$name"
  set +e
  (set -e; "$@") >"$log" 2>&1
  rc=$?
  set -e
  if ((rc)); then
    printf 'FAILED\n'
    printf '\noptlab: step "%s" failed (exit %d). The end of %s:\n\n' "$name" "$rc" "${log#"$ROOT"/}" >&2
    tail -n 30 "$log" >&2
    exit "$rc"
  fi
  printf 'done, %d s\n' $((SECONDS - start))
}

# Debian packages, each with a file that shows it is there, grouped by the
# commands that need them. The build needs only the compilers, the headers
# and node; the notebooks need Debian's Python with numpy, matplotlib,
# ipykernel, nbconvert and torch (their cross-check against torch.optim);
# the tests need doctest, Chromium and a Korean font for their screenshots
# (readers' own systems bring their fonts) and clang's libFuzzer with its
# sanitizers (a path may be a glob: clang's runtime sits under its version).
declare -A FILE_OF=(
  [cmake]=/usr/bin/cmake
  [g++]=/usr/bin/g++
  [make]=/usr/bin/make
  [emscripten]=/usr/bin/em++
  [libeigen3-dev]=/usr/share/eigen3/cmake/Eigen3Config.cmake
  [nlohmann-json3-dev]=/usr/include/nlohmann/json.hpp
  [liblbfgspp-dev]=/usr/include/LBFGS.h
  [python3-fonttools]=/usr/lib/python3/dist-packages/fontTools/__init__.py
  [python3-brotli]=/usr/lib/python3/dist-packages/brotli.py
  [python3-numpy]=/usr/lib/python3/dist-packages/numpy/__init__.py
  [python3-matplotlib]=/usr/lib/python3/dist-packages/matplotlib/__init__.py
  [python3-ipykernel]=/usr/lib/python3/dist-packages/ipykernel/__init__.py
  [jupyter-nbconvert]=/usr/bin/jupyter-nbconvert
  [python3-torch]=/usr/lib/python3/dist-packages/torch/__init__.py
  [python3-pybind11]=/usr/lib/python3/dist-packages/pybind11/__init__.py
  [python3-dev]='/usr/include/python3.*/Python.h'
  [python3-pip]=/usr/lib/python3/dist-packages/pip/__init__.py
  [python3-setuptools]=/usr/lib/python3/dist-packages/setuptools/__init__.py
  [python3-wheel]=/usr/lib/python3/dist-packages/wheel/__init__.py
  [jupyter-notebook]=/usr/bin/jupyter-notebook
  [doctest-dev]=/usr/include/doctest/doctest.h
  [chromium]=/usr/bin/chromium
  [fonts-nanum]=/usr/share/fonts/truetype/nanum/NanumGothic.ttf
  [clang-14]=/usr/bin/clang++-14
  [libclang-rt-14-dev]='/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a'
)
BUILD_PKGS=(cmake g++ make emscripten libeigen3-dev nlohmann-json3-dev liblbfgspp-dev python3-fonttools python3-brotli)
PYTHON_PKGS=(python3-numpy python3-pybind11 python3-dev)
NOTEBOOK_PKGS=("${PYTHON_PKGS[@]}" python3-matplotlib python3-ipykernel jupyter-nbconvert python3-torch)
JUPYTER_PKGS=(jupyter-notebook)
TEST_PKGS=(doctest-dev chromium fonts-nanum python3-pip python3-setuptools python3-wheel)
FUZZ_PKGS=(clang-14 libclang-rt-14-dev)

packages_for() { # the Debian packages command $1 needs
  case $1 in
    build | serve) echo "${BUILD_PKGS[*]}" ;;
    notebooks) echo "${BUILD_PKGS[*]} ${NOTEBOOK_PKGS[*]}" ;;
    jupyter) echo "${BUILD_PKGS[*]} ${NOTEBOOK_PKGS[*]} ${JUPYTER_PKGS[*]}" ;;
    bench) echo "${BUILD_PKGS[*]} ${PYTHON_PKGS[*]} chromium" ;;
    test) echo "${BUILD_PKGS[*]} ${NOTEBOOK_PKGS[*]} ${JUPYTER_PKGS[*]} ${TEST_PKGS[*]} ${FUZZ_PKGS[*]}" ;;
    test:cpp | test:wasm) echo "${BUILD_PKGS[*]} doctest-dev" ;;
    test:notebooks) echo "${BUILD_PKGS[*]} ${NOTEBOOK_PKGS[*]}" ;;
    test:python) echo "${BUILD_PKGS[*]} ${PYTHON_PKGS[*]} python3-pip python3-setuptools python3-wheel" ;;
    test:node) echo "${BUILD_PKGS[*]}" ;;
    test:browser) echo "${BUILD_PKGS[*]} ${NOTEBOOK_PKGS[*]} ${JUPYTER_PKGS[*]} chromium fonts-nanum" ;;
    fuzz | test:fuzz) echo "${BUILD_PKGS[*]} ${FUZZ_PKGS[*]}" ;;
  esac
}

present() { compgen -G "${FILE_OF[$1]}" >/dev/null; }

python_module_present() { present python3-pybind11 && present python3-dev; }

notebook_tools_present() {
  local pkg
  for pkg in "${NOTEBOOK_PKGS[@]}"; do present "$pkg" || return 1; done
}

apt_install() {
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

install_debian() {
  local missing=() pkg
  for pkg in $(packages_for "$1"); do present "$pkg" || missing+=("$pkg"); done
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  ((${#missing[@]})) || return 0
  # fontTools depends on "python3-scipy | python3-munkres", and apt takes the
  # first: SciPy, NumPy, BLAS and Python's headers, for a font cutter.
  # Naming munkres (60 KB) in the same line satisfies that dependency instead.
  [[ " ${missing[*]} " != *" python3-fonttools "* ]] || missing+=(python3-munkres)
  if [[ $(id -u) -ne 0 ]]; then
    die "./build.sh $1 needs these Debian packages: ${missing[*]}
install them as root:  apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  echo "installing ${#missing[@]} Debian packages: ${missing[*]}"
  step "debian-packages" apt_install "${missing[@]}"
  sed -n 's/^Need to get \([^ ]* [kMG]*B\).*/  (downloaded \1)/p' "$LOGS/debian-packages.log" | tail -n 1
}

major() { sed -E 's/^[^0-9]*([0-9]+).*/\1/' <<<"$1"; }

# The versions optlab relies on; package.json's "engines" holds node's and npm's.
check_versions() {
  local node_have npm_have node_need npm_need
  node_have=$(node --version 2>/dev/null) || die "node does not run"
  node_need=$(sed -nE 's/^ *"node": *">=([0-9]+)".*/\1/p' package.json)
  (($(major "$node_have") >= node_need)) ||
    die "node $node_have is too old: optlab's build and tests need node $node_need or newer (package.json \"engines\"). Debian 12's own nodejs (18) is enough: apt-get install nodejs"
  npm_have=$(npm --version 2>/dev/null) || die "npm does not run (with node $node_have)"
  npm_need=$(sed -nE 's/^ *"npm": *">=([0-9]+)".*/\1/p' package.json)
  (($(major "$npm_have") >= npm_need)) ||
    die "npm $npm_have is too old: package-lock.json needs npm $npm_need or newer (package.json \"engines\"). Debian 12's own npm (9.2) is enough: apt-get install npm"
}

# Chromium for the browser tests and the benchmark: at least the version
# the pinned playwright-core was made for.
check_chromium() {
  local have need
  have=$(/usr/bin/chromium --version 2>/dev/null) || die "/usr/bin/chromium does not run: apt-get install chromium"
  need=$(node -p 'require("./node_modules/playwright-core/browsers.json").browsers.find((b) => b.name === "chromium").browserVersion')
  (($(major "$have") >= $(major "$need"))) ||
    die "${have% built*} is too old: playwright-core $(node -p 'require("./node_modules/playwright-core/package.json").version') drives Chromium $(major "$need") or newer. As root: apt-get install --only-upgrade chromium"
}

npm_install() {
  npm ci --no-audit --no-fund
  sha256sum package-lock.json >node_modules/.optlab-lock
}

# npm ci only when package-lock.json changed since the last install, so a
# rebuild never waits on the network.
install_npm() {
  if ! sha256sum --status -c node_modules/.optlab-lock 2>/dev/null; then
    step "npm-packages" npm_install
    if grep -q EBADENGINE "$LOGS/npm-packages.log"; then
      grep EBADENGINE "$LOGS/npm-packages.log" >&2
      die "a package in package-lock.json does not declare support for node $(node --version); see build/logs/npm-packages.log"
    fi
  fi
}

install_deps() { # what command $1 needs (test:SUITE for one test suite)
  install_debian "$1"
  check_versions
  install_npm
  if [[ $1 == test || $1 == test:browser || $1 == bench ]]; then check_chromium; fi
}

# native_build|wasm_build [--target T]...: configure and build. The doctest
# suite is configured in when TESTS=ON (doctest is a test package only), and
# otherwise left as the last configuration had it.
# The Python module is configured in when its headers are there, for
# Debian's Python (the python3 on PATH may be another), and built beside
# the CLI.
native_build() {
  local python=(-DOPTLAB_BUILD_PYTHON=OFF) targets=("$@")
  if python_module_present; then
    python=(-DOPTLAB_BUILD_PYTHON=ON -DPython_EXECUTABLE=/usr/bin/python3)
    ((${#targets[@]} == 0)) || targets+=(--target optlab_python)
  fi
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release ${TESTS:+"-DOPTLAB_BUILD_TESTS=$TESTS"} "${python[@]}"
  cmake --build build/native -j "$JOBS" "${targets[@]}"
}

wasm_build() {
  local node
  node=$(command -v node)
  # CTest's default emulator flags are rejected by node 20, and node's global
  # fetch confuses Emscripten 3.1.6's glue: run tests with plain node, no fetch.
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release \
    -DEigen3_DIR=/usr/share/eigen3/cmake ${TESTS:+"-DOPTLAB_BUILD_TESTS=$TESTS"} \
    "-DCMAKE_CROSSCOMPILING_EMULATOR=$node;--no-experimental-fetch"
  cmake --build build/wasm -j "$JOBS" "$@"
}

# The notebooks, executed and rendered to build/notebooks-html/ when their
# inputs changed (a digest of them: the page's build rewrites the embed
# script each time, with the same bytes). They run on Debian's Python with
# the module built here, and show the page's figures, so the page comes
# first. The optlab template is lab without require.js and MathJax;
# web/finish-notebook.mjs typesets the formulas and admits the figures'
# script. nbconvert fails on any cell's error, so this one execution is also
# the notebooks' test (`./build.sh test notebooks`).
notebook_inputs() {
  find notebooks web/scenes web/finish-notebook.mjs web/favicon.svg node_modules/katex/package.json build/native/python/optlab \
    -name .ipynb_checkpoints -prune -o -type f ! -name '*.pyc' -print0 |
    sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

render_notebooks() {
  jupyter_env
  local out=build/notebooks-html nb digest
  digest=$(notebook_inputs)
  if [[ -f $out/.stamp && $(cat "$out/.stamp") == "$digest" ]]; then
    echo "up to date"
    return
  fi
  rm -rf "$out"
  mkdir -p "$out"
  for nb in notebooks/*.ipynb; do
    (cd notebooks && /usr/bin/jupyter nbconvert --to html --execute "$(basename "$nb")" \
      --template optlab --TemplateExporter.extra_template_basedirs="$ROOT/notebooks/templates" \
      --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
      --output-dir "$ROOT/$out" --log-level=WARN)
  done
  node web/finish-notebook.mjs --site "$out"/*.html
  echo "$digest" >"$out/.stamp"
}

# The rendered notebooks into dist/notebooks/, and the page's footer linking
# to them (NOTEBOOKS=yes), or to the .ipynb.
publish_notebooks() {
  local notebook=file
  if [[ $NOTEBOOKS == yes ]]; then
    mkdir -p dist/notebooks
    cp build/notebooks-html/*.html notebooks/*.ipynb dist/notebooks/
    notebook=rendered
  fi
  node web/build-index.mjs web/index.html dist/index.html "$notebook"
}

# KaTeX's three faces, cut down to the characters formulas are written in
# (Basic Latin and Latin-1, Greek, combining accents, punctuation, super-
# and subscripts, letterlike symbols, arrows, mathematical operators,
# technical and geometric shapes, angle brackets), without hinting, which
# the screens readers use ignore: 48 KB of fonts become 37 KB, inside
# every script that typesets.
KATEX_CHARACTERS="U+0020-007E,U+00A0-00FF,U+0131,U+0237,U+02C6-02DA,U+0300-036F,U+0391-03C9,U+03D1,U+03D5,U+03D6,U+03F1,U+03F5,U+2000-206F,U+2070-209F,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+25A0-25FF,U+27E8-27E9"
katex_fonts() {
  mkdir -p build/web/fonts
  local face
  for face in Main-Regular Math-Italic Size1-Regular; do
    /usr/bin/python3 -m fontTools.subset "node_modules/katex/dist/fonts/KaTeX_$face.ttf" --unicodes="$KATEX_CHARACTERS" \
      --layout-features='*' --no-hinting --flavor=woff2 --output-file="build/web/fonts/KaTeX_$face.woff2"
  done
}

web_build() {
  rm -rf dist
  mkdir -p dist
  katex_fonts
  # Classic IIFE scripts: ES modules do not load from file://.
  # KaTeX's fonts travel inside optlab-math.js as base64 (web/src/math/katex-render.js).
  node_modules/.bin/esbuild web/src/main.js --bundle --format=iife --target=es2020 --minify \
    --legal-comments=none --log-level=warning --outfile=dist/optlab.js
  # KaTeX is a second script, loaded once the figures are drawn: parsing its
  # 270 KB before the first figure would delay the page's start by ~100 ms.
  node_modules/.bin/esbuild web/src/math/math-script.js --bundle --format=iife --target=es2020 --minify \
    --loader:.woff2=base64 --alias:optlab-katex-fonts=./build/web/fonts \
    --legal-comments=none --log-level=warning --outfile=dist/optlab-math.js
  # The footer links to the rendered notebook when there is one, else to the .ipynb.
  publish_notebooks
  node web/build-css.mjs page dist/optlab.css
  embed_build
  cp web/favicon.svg dist/favicon.svg
  cp build/wasm/optlab_core.js dist/optlab_core.js
  # optlab.figure() inlines the embed script into a notebook, and checks
  # its settings against the element's.
  [[ ! -d build/native/python/optlab/data ]] || cp dist/optlab-embed.js build/web/settings.json build/native/python/optlab/data/
}

# The embeddable figures: one classic script (wasm, styles and fonts inside;
# works from file://) and an ES module for bundlers, both from
# web/src/embed/; a page per figure for iframes; the example course pages.
embed_build() {
  mkdir -p build/web dist/embed dist/examples
  node web/build-css.mjs embed build/web/optlab-embed.css
  node web/build-core-module.mjs build/wasm/optlab_core.js build/web/optlab-core.mjs
  # --charset=utf8: the core's wasm is a string of Latin-1 characters
  # (cpp/bindings/pack-wasm.mjs), four times as long as \xNN escapes; the
  # byte order mark put back in front makes any page read it as UTF-8.
  local common=(--bundle --target=es2020 --minify --charset=utf8 --legal-comments=none --log-level=warning
    --loader:.woff2=base64 --loader:.css=text
    --alias:optlab-core-factory=./build/web/optlab-core.mjs --alias:optlab-embed-css=./build/web/optlab-embed.css
    --alias:optlab-katex-fonts=./build/web/fonts
    --external:fs --external:path) # only reached when the core runs under node
  node_modules/.bin/esbuild web/src/embed/auto.js "${common[@]}" --format=iife --outfile=dist/optlab-embed.js
  node_modules/.bin/esbuild web/src/embed/index.js "${common[@]}" --format=esm --outfile=dist/optlab-embed.mjs
  local bundle
  for bundle in dist/optlab-embed.js dist/optlab-embed.mjs; do
    { printf '\xef\xbb\xbf'; cat "$bundle"; } >"$bundle.tmp" && mv "$bundle.tmp" "$bundle"
  done
  node web/build-embed-pages.mjs dist/embed
  node web/build-settings.mjs build/web/settings.json
  node_modules/.bin/esbuild web/embed/page.js --bundle --format=iife --target=es2020 --minify \
    --legal-comments=none --log-level=warning --outfile=dist/embed/page.js
  cp web/examples/* dist/examples/
}

# Jupyter kernels must run Debian's Python (the python3 on PATH may be
# another): a kernelspec of our own, first on JUPYTER_PATH.
jupyter_env() {
  mkdir -p build/jupyter/kernels/python3
  cat >build/jupyter/kernels/python3/kernel.json <<'JSON'
{"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
 "display_name": "Python 3 (ipykernel)", "language": "python"}
JSON
  # The kernel imports the module built here (build/native/python).
  export JUPYTER_PATH="$ROOT/build/jupyter" PYDEVD_DISABLE_FILE_VALIDATION=1 PYTHONPATH="$ROOT/build/native/python"
}

# build WHAT: the CLI, the wasm core, the notebooks (when their tools are
# there, or WHAT asks for them) and the page. WHAT=all builds every target,
# the test suites included; WHAT=bench the CLI and its benchmark.
build() {
  local native_targets=(--target optlab) wasm_targets=(--target optlab_wasm)
  case $1 in
    all) native_targets=() wasm_targets=() ;;
    bench) native_targets=(--target optlab --target optlab_bench) ;;
  esac
  step "native-build" native_build "${native_targets[@]}"
  step "wasm-build" wasm_build "${wasm_targets[@]}"
  NOTEBOOKS=no
  step "page" web_build
  if notebook_tools_present; then
    step "notebooks" render_notebooks
    NOTEBOOKS=yes
    step "notebooks-page" publish_notebooks
  fi
  echo "built: build/native/optlab (the CLI), dist/ (the page: ./build.sh serve, or open dist/index.html)"
  [[ $NOTEBOOKS == yes ]] || echo "       (no rendered notebook: ./build.sh notebooks installs Jupyter's packages and renders it)"
}

# The libFuzzer target over the core (tests/fuzz), instrumented with ASan and
# UBSan, in build/fuzz; its corpus grows in build/fuzz/corpus from the seeds.
fuzz_build() {
  # A Debug build keeps the core's and Eigen's assertions; OPTLAB_FUZZ adds
  # -O1 and the sanitizers (CMakeLists.txt).
  cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++-14 -DOPTLAB_FUZZ=ON
  cmake --build build/fuzz -j "$JOBS" --target optlab_fuzz optlab_fuzz_expression
  rm -rf build/fuzz/seeds build/fuzz/expression-seeds
  node tests/fuzz/seeds.mjs build/fuzz/seeds build/fuzz/expression-seeds
  mkdir -p build/fuzz/corpus build/fuzz/expression-corpus build/fuzz/crashes
}

# fuzz SECONDS: no crash, leak, sanitizer report or input over 1 s.
# Inputs up to 64 KB (libFuzzer's default is 4 KB): room for arrays of the
# longest length a scenario may have, 10,000 entries, and past it.
fuzz() {
  echo "fuzzing the core for $1 s (ASan + UBSan; an input that fails is kept in build/fuzz/crashes/)"
  build/fuzz/optlab_fuzz -max_total_time="$1" -max_len=65536 -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=build/fuzz/crashes/ build/fuzz/corpus build/fuzz/seeds >"$LOGS/fuzz.log" 2>&1 || {
    tail -n 60 "$LOGS/fuzz.log" >&2
    die "the fuzzer found an input that fails (build/fuzz/crashes/; the whole log: build/logs/fuzz.log)"
  }
  grep -E '^stat::number_of_executed_units|^Done' "$LOGS/fuzz.log" | sed 's/^/  /'
}

# fuzz_expression RUNS: the expression reader and evaluator on RUNS inputs
# (tests/fuzz/fuzz_expression.cpp): typed text and token streams.
fuzz_expression() {
  echo "fuzzing typed functions with $1 inputs (ASan + UBSan; an input that fails is kept in build/fuzz/crashes/)"
  build/fuzz/optlab_fuzz_expression -runs="$1" -max_len=4096 -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=build/fuzz/crashes/ build/fuzz/expression-corpus build/fuzz/expression-seeds >"$LOGS/fuzz-expression.log" 2>&1 || {
    tail -n 60 "$LOGS/fuzz-expression.log" >&2
    die "the fuzzer found a typed function that fails (build/fuzz/crashes/; the whole log: build/logs/fuzz-expression.log)"
  }
  grep -E '^stat::number_of_executed_units|^Done' "$LOGS/fuzz-expression.log" | sed 's/^/  /'
}

SUITES=(cpp wasm python notebooks node browser fuzz)

# test_suite NAME: run one suite, its build already done.
test_suite() {
  echo
  case $1 in
    cpp)
      echo "== cpp: the doctest suite, native"
      ctest --test-dir build/native --output-on-failure --no-tests=error
      ;;
    wasm)
      echo "== wasm: the same doctest suite compiled to wasm, under node"
      ctest --test-dir build/wasm --output-on-failure --no-tests=error
      ;;
    python)
      echo "== python: tests/python (the module optlab in-process, on Debian's Python; its wheel)"
      PYTHONPATH="$ROOT/build/native/python" OPTLAB_CLI="$ROOT/build/native/optlab" \
        /usr/bin/python3 -m unittest discover -s tests/python -v 2>&1
      ;;
    notebooks)
      # The build's notebooks step executed them (or found them unchanged
      # since they last ran without error): check that it rendered each one.
      echo "== notebooks: executed headlessly on Debian's Python by the notebooks step (any error fails it)"
      local nb html
      for nb in notebooks/*.ipynb; do
        html=build/notebooks-html/$(basename "${nb%.ipynb}").html
        [[ -s $html && $(cat build/notebooks-html/.stamp 2>/dev/null) == "$(notebook_inputs)" ]] ||
          die "$nb was not executed as it stands: see build/logs/notebooks.log"
        echo "  $nb: ran without error"
      done
      ;;
    node)
      echo "== node: tests/js (the wasm module, the CLI, native = wasm byte for byte, the server)"
      node --test tests/js/
      ;;
    browser)
      echo "== browser: tests/browser (dist/ in Chromium)"
      node --test tests/browser/
      ;;
    fuzz)
      echo "== fuzz: the core under libFuzzer, ASan and UBSan"
      fuzz 60
      fuzz_expression 200000
      ;;
  esac
}

# run_tests [SUITE...]: build what the suites need, once, then run them in
# SUITES' order; no SUITE means all of them.
run_tests() {
  local wanted=("$@") suite
  for suite in "${wanted[@]}"; do
    [[ " ${SUITES[*]} " == *" $suite "* ]] || die "no test suite '$suite': the suites are ${SUITES[*]} (./build.sh test runs them all)"
  done
  if ((${#wanted[@]} == 0)); then
    install_deps test
    TESTS=ON build all
    step "fuzz-build" fuzz_build
    for suite in "${SUITES[@]}"; do test_suite "$suite"; done
    return
  fi
  local want=" ${wanted[*]} " native_targets=() wasm_targets=()
  for suite in "${SUITES[@]}"; do [[ $want != *" $suite "* ]] || install_deps "test:$suite"; done
  [[ $want != *" cpp "* ]] || native_targets+=(--target optlab_tests)
  [[ $want != *" wasm "* ]] || wasm_targets+=(--target optlab_tests)
  [[ $want != *" python "* ]] || native_targets+=(--target optlab)
  if [[ $want == *" node "* || $want == *" browser "* || $want == *" notebooks "* ]]; then native_targets+=(--target optlab); fi
  # The python suite builds a wheel, which carries the page's embed script,
  # and the notebooks show the page's figures.
  if [[ $want == *" node "* || $want == *" browser "* || $want == *" python "* || $want == *" notebooks "* ]]; then wasm_targets+=(--target optlab_wasm); fi
  local tests=
  [[ $want != *" cpp "* && $want != *" wasm "* ]] || tests=ON
  ((${#native_targets[@]} == 0)) || TESTS=$tests step "native-build" native_build "${native_targets[@]}"
  ((${#wasm_targets[@]} == 0)) || TESTS=$tests step "wasm-build" wasm_build "${wasm_targets[@]}"
  if [[ $want == *" node "* || $want == *" browser "* || $want == *" python "* || $want == *" notebooks "* ]]; then
    NOTEBOOKS=no
    notebook_tools_present && [[ -f build/notebooks-html/.stamp ]] && NOTEBOOKS=yes
    step "page" web_build
  fi
  if [[ $want == *" notebooks "* || $want == *" browser "* ]]; then
    step "notebooks" render_notebooks
    NOTEBOOKS=yes
    step "notebooks-page" publish_notebooks
  fi
  [[ $want != *" fuzz "* ]] || step "fuzz-build" fuzz_build
  for suite in "${SUITES[@]}"; do [[ $want != *" $suite "* ]] || test_suite "$suite"; done
}

host_and_port() { # $1: the default port
  HOST=${HOST:-127.0.0.1}
  PORT=${PORT:-$1}
  [[ $PORT =~ ^[0-9]{1,5}$ ]] && ((PORT <= 65535)) || die "PORT must be a whole number from 0 to 65535, not '$PORT'"
}

open_jupyter() {
  jupyter_env
  local as_root=()
  [[ $(id -u) -ne 0 ]] || as_root=(--allow-root)
  cd notebooks
  exec /usr/bin/jupyter notebook --no-browser --ip="$HOST" --port="$PORT" "${as_root[@]}" optimization-1.ipynb
}

command=${1:-build}
case $command in
  build) install_deps build; build default ;;
  serve)
    host_and_port 8000
    install_deps serve
    build default
    exec node web/serve.mjs --host "$HOST" --port "$PORT"
    ;;
  notebooks) install_deps notebooks; build default ;;
  jupyter)
    host_and_port 8888
    install_deps jupyter
    # The module and the page (whose embed script the figures inline); the
    # notebook itself is Jupyter's to run.
    step "native-build" native_build --target optlab
    step "wasm-build" wasm_build --target optlab_wasm
    NOTEBOOKS=no
    notebook_tools_present && [[ -f build/notebooks-html/.stamp ]] && NOTEBOOKS=yes
    step "page" web_build
    open_jupyter
    ;;
  test) shift; run_tests "$@" ;;
  fuzz)
    [[ ${2:-60} =~ ^[1-9][0-9]{0,6}$ ]] || die "usage: ./build.sh fuzz [SECONDS]   (a whole number from 1, default 60; libFuzzer takes 0 as no limit)"
    install_deps fuzz
    step "fuzz-build" fuzz_build
    fuzz "${2:-60}"
    fuzz_expression 1000000
    ;;
  bench)
    install_deps bench
    build bench
    node tests/bench/bench.mjs
    node tests/bench/page.mjs
    node tests/bench/phone.mjs
    PYTHONPATH="$ROOT/build/native/python" /usr/bin/python3 tests/bench/python.py
    node tests/bench/report.mjs docs/benchmarks.md
    ;;
  deps)
    case ${2:-build} in
      build | serve | notebooks | jupyter | test | bench | fuzz) install_deps "${2:-build}" ;;
      *) die "usage: ./build.sh deps [build|serve|notebooks|jupyter|test|bench|fuzz]" ;;
    esac
    ;;
  *) die "usage: ./build.sh [build|serve|notebooks|jupyter|test [SUITE...]|bench|fuzz [SECONDS]|deps [COMMAND]]" ;;
esac
