#!/usr/bin/env bash
# optlab's one entry point.
#   ./build.sh          install what is missing, build the CLI, the wasm module and the page (dist/)
#   ./build.sh serve    build, then serve dist/ on http://127.0.0.1:8000/
#   ./build.sh test     build, then run every test (native doctest, the same suite
#                       compiled to wasm under node, and the node tests)
#   ./build.sh bench    build, then run the benchmarks and print their table
#   ./build.sh deps     only install what is missing
# On a fresh Debian 12 machine, run as root: missing Debian packages are
# installed with apt-get, npm packages with `npm ci`.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
export NODE_PATH=/usr/share/nodejs   # Emscripten's optimizer needs Debian's acorn

log() { printf '\n== %s\n' "$*"; }

# Debian packages the build and the tests need, each with a file that shows
# it is there. (chromium runs the browser tests; fonts-nanum lets it render
# Korean in their screenshots: readers' own systems bring their fonts. The
# notebooks run on Debian's /usr/bin/python3 with numpy, matplotlib and
# ipykernel; python3-torch lets them cross-check against torch.optim.SGD.)
declare -A NEED=(
  [cmake]=/usr/bin/cmake
  [g++]=/usr/bin/g++
  [make]=/usr/bin/make
  [emscripten]=/usr/bin/em++
  [libeigen3-dev]=/usr/share/eigen3/cmake/Eigen3Config.cmake
  [doctest-dev]=/usr/include/doctest/doctest.h
  [nlohmann-json3-dev]=/usr/include/nlohmann/json.hpp
  [liblbfgspp-dev]=/usr/include/LBFGS.h
  [chromium]=/usr/bin/chromium
  [fonts-nanum]=/usr/share/fonts/truetype/nanum/NanumGothic.ttf
  [python3-numpy]=/usr/lib/python3/dist-packages/numpy/__init__.py
  [python3-matplotlib]=/usr/lib/python3/dist-packages/matplotlib/__init__.py
  [python3-ipykernel]=/usr/lib/python3/dist-packages/ipykernel/__init__.py
  [jupyter-nbconvert]=/usr/bin/jupyter-nbconvert
  [python3-torch]=/usr/lib/python3/dist-packages/torch/__init__.py
)

install_deps() {
  local missing=()
  for pkg in "${!NEED[@]}"; do [[ -e ${NEED[$pkg]} ]] || missing+=("$pkg"); done
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
      echo "optlab needs these Debian packages: ${missing[*]}" >&2
      echo "install them as root:  apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
    log "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  if [[ -f package-lock.json ]] && ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

build_native() {
  log "native build (build/native)"
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$JOBS"
}

build_wasm() {
  log "wasm build (build/wasm)"
  local node
  node=$(command -v node)
  # CTest's default emulator flags are rejected by node 20, and node's global
  # fetch confuses Emscripten 3.1.6's glue: run tests with plain node, no fetch.
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release \
    -DEigen3_DIR=/usr/share/eigen3/cmake \
    "-DCMAKE_CROSSCOMPILING_EMULATOR=$node;--no-experimental-fetch" >/dev/null
  cmake --build build/wasm -j "$JOBS"
}

build_web() {
  log "page (dist/)"
  rm -rf dist
  mkdir -p dist
  # Classic IIFE scripts: ES modules do not load from file://.
  # KaTeX's two fonts travel inside optlab-math.js as base64 (web/src/math/katex-render.js).
  node_modules/.bin/esbuild web/src/main.js --bundle --format=iife --target=es2020 --minify \
    --legal-comments=none --log-level=warning --outfile=dist/optlab.js
  # KaTeX is a second script, loaded once the figures are drawn: parsing its
  # 270 KB before the first figure slowed the page's start by ~100 ms.
  node_modules/.bin/esbuild web/src/math/math-script.js --bundle --format=iife --target=es2020 --minify \
    --loader:.woff2=base64 --legal-comments=none --log-level=warning --outfile=dist/optlab-math.js
  cp web/index.html dist/index.html
  node web/build-css.mjs page dist/optlab.css
  build_embed
  cp web/favicon.svg dist/favicon.svg
  cp build/wasm/optlab_core.js dist/optlab_core.js
}

# The embeddable figures: one classic script (wasm, styles and fonts inside;
# works from file://) and an ES module for bundlers, both from
# web/src/embed/; a page per figure for iframes; the example course pages.
build_embed() {
  mkdir -p build/web dist/embed dist/examples
  node web/build-css.mjs embed build/web/optlab-embed.css
  node web/build-core-module.mjs build/wasm/optlab_core.js build/web/optlab-core.mjs
  local common=(--bundle --target=es2020 --minify --legal-comments=none --log-level=warning
    --loader:.woff2=base64 --loader:.css=text
    --alias:optlab-core-factory=./build/web/optlab-core.mjs --alias:optlab-embed-css=./build/web/optlab-embed.css
    --external:fs --external:path) # only reached when the core runs under node
  node_modules/.bin/esbuild web/src/embed/auto.js "${common[@]}" --format=iife --outfile=dist/optlab-embed.js
  node_modules/.bin/esbuild web/src/embed/index.js "${common[@]}" --format=esm --outfile=dist/optlab-embed.mjs
  node web/build-embed-pages.mjs dist/embed
  cp web/examples/* dist/examples/
}

# Jupyter kernels must run Debian's Python (the python3 on PATH may be
# another): a kernelspec of our own, first on JUPYTER_PATH.
jupyter_env() {
  mkdir -p build/jupyter/kernels/python3
  cat > build/jupyter/kernels/python3/kernel.json <<'JSON'
{"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
 "display_name": "Python 3 (ipykernel)", "language": "python"}
JSON
  export JUPYTER_PATH="$ROOT/build/jupyter" PYDEVD_DISABLE_FILE_VALIDATION=1
}

build_notebooks() {
  log "notebooks (executed, rendered to dist/notebooks/)"
  jupyter_env
  mkdir -p dist/notebooks
  for nb in notebooks/*.ipynb; do
    # The optlab template is lab without require.js and MathJax: no request leaves the site.
    (cd notebooks && /usr/bin/jupyter nbconvert --to html --execute "$(basename "$nb")" \
      --template optlab --TemplateExporter.extra_template_basedirs="$ROOT/notebooks/templates" \
      --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
      --output-dir "$ROOT/dist/notebooks" --log-level=WARN)
    cp "$nb" dist/notebooks/
  done
}

build_all() {
  install_deps
  build_native
  build_wasm
  build_web
  build_notebooks
  log "built: build/native/optlab (CLI), build/wasm/optlab_core.js (wasm module), dist/ (the page: open dist/index.html or ./build.sh serve)"
}

run_tests() {
  log "native doctest suite"
  ctest --test-dir build/native --output-on-failure
  log "the same doctest suite compiled to wasm, under node"
  ctest --test-dir build/wasm --output-on-failure
  log "notebooks, executed headlessly on Debian's Python (any error fails)"
  jupyter_env
  mkdir -p build/notebooks
  for nb in notebooks/*.ipynb; do
    (cd notebooks && /usr/bin/jupyter nbconvert --to notebook --execute "$(basename "$nb")" \
      --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
      --output-dir "$ROOT/build/notebooks" --log-level=WARN)
  done
  log "node tests: wasm module, CLI, native = wasm byte for byte; browser tests of dist/"
  node --test tests/js/ tests/browser/
}

run_bench() {
  log "benchmarks"
  node tests/bench/bench.mjs
  node tests/bench/page.mjs
}

case "${1:-build}" in
  build) build_all ;;
  deps) install_deps ;;
  test) build_all; run_tests ;;
  serve) build_all; exec node web/serve.mjs --port "${PORT:-8000}" ;;
  bench) build_all; run_bench ;;
  *) echo "usage: ./build.sh [build|serve|test|bench|deps]" >&2; exit 2 ;;
esac
