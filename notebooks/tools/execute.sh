#!/usr/bin/env bash
# Executes notebooks headlessly on the Deno kernel, as CI does:
#   bash notebooks/tools/execute.sh [NOTEBOOK.ipynb …]      (default: every notebooks/*.ipynb)
# Each notebook's code cells are type-checked (deno check), then executed; executed copies, outputs
# included, go to output/notebooks/ (or $NOTEBOOK_OUT). Exits 1 when a notebook fails its type check
# or a cell fails, 2 when a tool is missing. Needs `npm ci` (deno comes from node_modules) and
# Debian's jupyter-nbconvert, python3-nbclient and python3-ipykernel (see .ci/run).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
notebooks="$(dirname "$here")"
root="$(dirname "$notebooks")"
out="${NOTEBOOK_OUT:-$root/output/notebooks}"

# deno: the npm package's platform binary (npm may not have run deno's install script), else PATH.
deno=""
for candidate in "$root"/node_modules/@deno/*/deno "$root"/node_modules/deno/deno; do
  if [ -x "$candidate" ]; then deno="$candidate"; break; fi
done
if [ -z "$deno" ]; then deno="$(command -v deno || true)"; fi
if [ -z "$deno" ]; then echo "execute.sh: no deno binary: run npm ci (deno is a devDependency)" >&2; exit 2; fi
# Debian's /usr/bin/jupyter runs Debian's python, whatever python3 comes first on PATH.
jupyter="$(command -v /usr/bin/jupyter || command -v jupyter || true)"
if [ -z "$jupyter" ]; then echo "execute.sh: no jupyter: apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel" >&2; exit 2; fi

# The kernelspec notebooks/kernels/deno runs `deno` from PATH.
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
ln -s "$deno" "$bin/deno"
export PATH="$bin:$PATH"
export JUPYTER_PATH="$notebooks${JUPYTER_PATH:+:$JUPYTER_PATH}"
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
export NO_COLOR=1

if [ $# -eq 0 ]; then set -- "$notebooks"/*.ipynb; fi
mkdir -p "$out"
status=0
for nb in "$@"; do
  name="$(basename "$nb")"
  log="$out/${name%.ipynb}.log"
  start=$SECONDS
  # Type-check first: Deno's kernel runs cells without checking types, so a notebook could drift
  # from the library's API unnoticed. The code cells, in order, become one module beside the notebook.
  check="$(dirname "$nb")/.${name%.ipynb}.check.ts"
  node -e '
    const nb = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const text = (c) => (Array.isArray(c.source) ? c.source.join("") : c.source);
    process.stdout.write(nb.cells.filter((c) => c.cell_type === "code").map((c, i) => `// cell ${i + 1}\n${text(c)}\n`).join(";\n"));
  ' "$nb" >"$check" && "$deno" check --quiet "$check" >"$log" 2>&1
  checked=$?
  rm -f "$check"
  if [ $checked -ne 0 ]; then
    status=1
    echo "notebook $name: FAILED type check (log: $log)"
    grep -v '^\s*$' "$log" | head -n 40 | sed 's/^/  /'
    continue
  fi
  # Not --execute: DenoExecutePreprocessor is nbconvert's ExecutePreprocessor, made to wait for
  # Deno's late outputs (see deno_execute.py). Each cell may take 10 minutes at most.
  if "$jupyter" nbconvert --to notebook \
      --Exporter.preprocessors=deno_execute.DenoExecutePreprocessor \
      --Exporter.preprocessors=nbconvert.preprocessors.coalesce_streams \
      --ExecutePreprocessor.timeout=600 \
      --output-dir "$out" "$nb" >>"$log" 2>&1; then
    echo "notebook $name: passed in $((SECONDS - start)) s"
  else
    status=1
    echo "notebook $name: FAILED after $((SECONDS - start)) s (log: $log)"
    # The failing cell and its error, without nbconvert's Python traceback.
    if grep -q '^[A-Za-z_.]*\(CellExecutionError\|CellTimeoutError\|DeadKernelError\|NoSuchKernel\)' "$log"; then
      sed -n '/^[A-Za-z_.]*\(CellExecutionError\|CellTimeoutError\|DeadKernelError\|NoSuchKernel\)/,$p' "$log" | grep -v '^\s*$' | head -n 40 | sed 's/^/  /'
    else
      tail -n 20 "$log" | sed 's/^/  /'
    fi
  fi
done
exit $status
