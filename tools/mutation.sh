#!/usr/bin/env bash
# Mutation testing with Stryker.NET (a local tool: see dotnet-tools.json). Not part of CI: it rebuilds and reruns the
# tests once per mutant, which takes long on a small machine. Prints the mutation score of each target.
#
#   bash tools/mutation.sh                  # runtime, then generator (parser and emitters)
#   bash tools/mutation.sh runtime          # one target: runtime | generator
#   CONCURRENCY=2 bash tools/mutation.sh    # test runners in parallel (default 1: the machine is shared)
#   STRYKER_ARGS='--mutate **/Json/*.cs' bash tools/mutation.sh runtime   # extra Stryker options, e.g. a narrower run
#
# Targets (configs in tools/stryker/):
#   runtime    src/RocketChat.Contracts.Runtime, killed by tests/RocketChat.Livechat.Tests
#   generator  generator/.../Parsing/** and Emit/**, killed by tests/RocketChat.Contracts.Generator.Tests without the
#              OfficialSpec* tests (they need ../shared and take 85% of the suite's time). Its config adds 20 s to
#              Stryker's per-mutant timeout: on a loaded machine the default (1.5x the first run + 5 s) turned most
#              mutants into false timeouts, which count as killed.
# Reports: artifacts/mutation/<target>/<time>/reports/mutation-report.{html,json} (git-ignored); the console log of each
# run in artifacts/mutation/<target>.log (one dot per mutant tested, so a long run shows its progress).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
concurrency="${CONCURRENCY:-1}"
logs="$root/artifacts/mutation"
mkdir -p "$logs"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(runtime generator)
set -f  # STRYKER_ARGS holds globs for Stryker, not for the shell
extra=(${STRYKER_ARGS:-})
set +f

cd "$root"
dotnet tool restore >/dev/null

declare -A test_project=(
  [runtime]="tests/RocketChat.Livechat.Tests"
  [generator]="tests/RocketChat.Contracts.Generator.Tests"
)

summary=()
for target in "${targets[@]}"; do
  dir="${test_project[$target]:-}"
  if [ -z "$dir" ]; then
    echo "unknown target '$target' (runtime | generator)" >&2
    exit 2
  fi

  log="$logs/$target.log"
  echo "== $target: Stryker on $dir (log: $log)"
  started=$(date +%s)
  (cd "$root/$dir" && dotnet stryker --config-file "$root/tools/stryker/$target.json" --concurrency "$concurrency" --output "$logs/$target/$(date -u +%Y-%m-%d.%H-%M-%S)" "${extra[@]}") >"$log" 2>&1 || {
    echo "Stryker failed for $target; see $log" >&2
    tail -20 "$log" >&2
    exit 1
  }

  report=$(ls -t "$logs/$target"/*/reports/mutation-report.json | head -1)
  score=$(python3 - "$report" <<'PY'
import json, sys
from collections import Counter
files = json.load(open(sys.argv[1]))["files"]
status = Counter(m["status"] for f in files.values() for m in f["mutants"])
detected = status["Killed"] + status["Timeout"]
valid = detected + status["Survived"] + status["NoCoverage"]
score = 100.0 * detected / valid if valid else 0.0
print(f"{score:.2f}% ({detected} detected of {valid}: killed {status['Killed']}, timeout {status['Timeout']}, "
      f"survived {status['Survived']}, no coverage {status['NoCoverage']}; ignored {status['Ignored']}, "
      f"compile errors {status['CompileError']})")
PY
)
  summary+=("$target: $score in $(( $(date +%s) - started )) s" "  report ${report%.json}.html (and .json)")
done

echo
echo "Mutation score (killed + timeout over killed + timeout + survived + no coverage):"
printf '  %s\n' "${summary[@]}"
