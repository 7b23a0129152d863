#!/usr/bin/env bash
# Build time of a consumer's project for the same contract, through our generator and through NSwag.MSBuild:
#   ours     benchmarks/RocketChat.Contracts.BuildCost: the generator and the runtime as NuGet packages, packed by this
#            script into a local feed (as a consumer gets them: no project references, no MSBuild work for them)
#   NSwag    benchmarks/RocketChat.Livechat.NSwag: NSwag.MSBuild (an Exec of the NSwag tool, then the compiler)
# each with two sets of settings, given on the command line to both sides alike:
#   shipped  -p:IsAotCompatible=true -p:GenerateDocumentationFile=true   (src/RocketChat.Livechat's settings)
#   plain    -p:IsAotCompatible=false -p:GenerateDocumentationFile=false (the NSwag project's own settings)
# IsAotCompatible turns on the trim and AOT analyzers, which walk every generated method at each build; NSwag's output
# is not AOT-safe and gets IL2026/IL3050 warnings under them, ours gets none. Warnings are not errors on either side.
#
# Each measured build is `dotnet build --no-restore --no-incremental --no-dependencies` of that one project, after a
# restore and a first build, so only the project itself is rebuilt; a rebuild regenerates (our generator always runs
# inside the compiler; the NSwag output is deleted by the clean half of the rebuild).
#
# Two modes: "warm" keeps the compiler server and MSBuild nodes (the developer loop); "cold" passes
# --disable-build-servers, so every build starts a fresh compiler (CI without a build server). Cold mode does not run
# `dotnet build-server shutdown`, which would also stop the servers of anyone else building on the machine.
# In cold mode the compiler runs as a child process, so the script also records the CPU time (user + system) of the
# whole build: on a shared, loaded machine that is far steadier than the wall-clock time.
#
# The machine is shared and its load drifts, so the builds are interleaved round by round (the starting project
# rotates) rather than run N times in a row each; every sample is kept in build-time-<mode>.tsv with the load average.
#
# CONTRACT=omnichannel times Rocket.Chat's official omnichannel.yaml instead (from ../shared/reference/openapi, or
# OFFICIAL_OPENAPI=<folder>). NSwag.MSBuild cannot compile the file as published (operationIds such as
# 'post-api-v1-livechat-users-:type' become method names like PostApiV1LivechatUsers:typeAsync), so the script writes a
# copy at run time into benchmarks/.artifacts/build-time-omnichannel/ with every character of an operationId that is
# not a letter, digit, '_' or '-' replaced by '-' (the official file is never copied into the repository). Both sides
# build that copy.
#
# Usage: benchmarks/build-time.sh [RUNS]   (RUNS defaults to 3; MODES="warm cold" by default; MODES= runs only the
#        compiler breakdown below; CONTRACT=livechat by default)
# Output: tables on stdout and in benchmarks/results/build-time[-omnichannel].md (RESULTS_DIR overrides the folder).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-${RUNS:-3}}"
modes="${MODES:-warm cold}"
results="${RESULTS_DIR:-$here/results}"
contract="${CONTRACT:-livechat}"
suffix=""
[ "$contract" = "livechat" ] || suffix="-$contract"
artifacts="$here/.artifacts/build-time$suffix"
mkdir -p "$results" "$artifacts"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Needs only the .NET SDK, coreutils and awk; say so early if one is missing.
for tool in dotnet awk date; do
    command -v "$tool" >/dev/null 2>&1 || { echo "build-time.sh: '$tool' is required" >&2; exit 1; }
done

cd "$root"
case "$contract" in
livechat)
    file="$root/contracts/livechat.yaml"
    ;;
omnichannel)
    official="${OFFICIAL_OPENAPI:-$root/../shared/reference/openapi}/omnichannel.yaml"
    [ -f "$official" ] || { echo "build-time.sh: $official not found (set OFFICIAL_OPENAPI)" >&2; exit 1; }
    file="$artifacts/omnichannel.yaml"
    # operationIds made valid identifiers: quotes dropped, any other character than [A-Za-z0-9_-] becomes '-'.
    # Also: a parameter schema with a date-time format but no type (2 query parameters) gets 'type: string', since
    # NSwag otherwise emits DateTimeOffset?.ToString("s", culture), which does not compile (CS1501).
    awk '{ if (match($0, /^ *operationId: */)) { head = substr($0, 1, RLENGTH); id = substr($0, RLENGTH + 1)
                                                 gsub(/\047|"/, "", id); gsub(/[^A-Za-z0-9_-]/, "-", id); print head id }
           else { if (previous ~ /schema:$/ && $0 ~ /^ *format: date-time$/) { indent = $0; sub(/format: date-time$/, "", indent); print indent "type: string" }
                  print }
           previous = $0 }' "$official" >"$file"
    echo "# $file: $(grep -c 'operationId:' "$file") operations, $(diff "$official" "$file" | grep -c '^>') lines changed"
    ;;
*)
    echo "build-time.sh: CONTRACT must be livechat or omnichannel" >&2
    exit 1
    ;;
esac

# Our packages, packed from this checkout into a feed of the run's own, restored into a package folder of its own (a
# fixed prerelease version would otherwise be served stale from the user's global package folder).
version="0.1.0-buildtime"
feed="$artifacts/feed"
packages="$artifacts/packages"
rm -rf "$feed" "$packages"
echo "# packing the generator and the runtime ($version) into $feed"
for project in generator/RocketChat.Contracts.Generator src/RocketChat.Contracts.Runtime; do
    dotnet pack "$project" -c Release -o "$feed" --artifacts-path "$artifacts/pack" -p:Version="$version" -nologo -v q >/dev/null
done

ours="benchmarks/RocketChat.Contracts.BuildCost/RocketChat.Contracts.BuildCost.csproj"
nswag="benchmarks/RocketChat.Livechat.NSwag/RocketChat.Livechat.NSwag.csproj"
shipped="-p:IsAotCompatible=true -p:GenerateDocumentationFile=true -p:TreatWarningsAsErrors=false"
plain="-p:IsAotCompatible=false -p:GenerateDocumentationFile=false -p:TreatWarningsAsErrors=false"
ours_inputs="-p:BuildCostContract=$file -p:BuildCostPackageVersion=$version -p:RestoreAdditionalProjectSources=$feed -p:RestorePackagesPath=$packages"
nswag_inputs="-p:NSwagContract=$file"
# Pairs: ours is compared with the NSwag entry that has the same settings (the next one).
names=("ours, shipped settings" "NSwag, shipped settings" "ours, plain settings" "NSwag, plain settings")
projects=("$ours" "$nswag" "$ours" "$nswag")
settings=("$ours_inputs $shipped" "$nswag_inputs $shipped" "$ours_inputs $plain" "$nswag_inputs $plain")
count=${#names[@]}
common=(-c Release --artifacts-path "$artifacts" -nologo -v q)

echo "# restore and first build of each project into $artifacts"
# shellcheck disable=SC2086 # settings are a word list on purpose
dotnet build "$ours" "${common[@]}" $ours_inputs $shipped >/dev/null
# shellcheck disable=SC2086
dotnet build "$nswag" "${common[@]}" $nswag_inputs $shipped >/dev/null

# Sets children_cpu to the CPU seconds (user + system) of this shell's finished children so far. `times` reports on
# the shell it runs in, so this is called directly, never inside $(...), which would be a subshell with no children.
children_cpu=0
measure_children_cpu() {
    times >"$artifacts/times.txt"
    children_cpu=$(awk 'NR == 2 { n = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); n += p[1] * 60 + p[2] } printf "%.3f", n }' "$artifacts/times.txt")
}

build() { # build INDEX EXTRA...
    local i="$1"
    shift
    # shellcheck disable=SC2086 # settings are a word list on purpose
    dotnet build "${projects[$i]}" --no-restore --no-incremental --no-dependencies "${common[@]}" ${settings[$i]} "$@" >/dev/null
}

summary="$results/build-time$suffix.md"
[ -n "${modes// /}" ] && {
    echo "Build time of a consumer project for $(basename "$file"), $(dotnet --version) SDK, $(nproc) cores, $runs interleaved runs per project and mode after one warm-up build each."
    echo "Commands: dotnet build <project> --no-restore --no-incremental --no-dependencies -c Release --artifacts-path $artifacts <settings> [--disable-build-servers in cold mode]"
    echo "Ratios compare ours with NSwag at the same settings (median over median, min over min). CPU time is only measured in cold mode (in warm mode the compiler server does the work)."
    echo
    echo "| mode | project | wall median (s) | wall min (s) | wall max (s) | CPU median (s) | CPU min (s) | wall ratio median | wall ratio min | CPU ratio median | CPU ratio min |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$summary"

for mode in $modes; do
    extra=()
    if [ "$mode" = "cold" ]; then extra=(--disable-build-servers); fi
    samples="$results/build-time$suffix-$mode.tsv"
    printf 'mode\tround\tproject\tseconds\tcpu\tload1\n' >"$samples"
    echo "## mode: $mode: warm-up build of each project"
    for ((i = 0; i < count; i++)); do build "$i" "${extra[@]}"; done
    for round in $(seq 1 "$runs"); do
        for ((k = 0; k < count; k++)); do
            i=$(((round + k) % count))
            measure_children_cpu
            cpu_before=$children_cpu
            start=$(date +%s%N)
            build "$i" "${extra[@]}"
            end=$(date +%s%N)
            measure_children_cpu
            cpu_after=$children_cpu
            seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
            cpu=$(awk -v b="$cpu_before" -v a="$cpu_after" -v m="$mode" 'BEGIN { if (m == "cold") printf "%.3f", a - b; else printf "-" }')
            load=$(cut -d' ' -f1 /proc/loadavg)
            printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$round" "${names[$i]}" "$seconds" "$cpu" "$load" >>"$samples"
            echo "  $mode round $round: ${names[$i]}: ${seconds} s wall, ${cpu} s CPU (load $load)"
        done
    done

    # median, min, max per project for wall and CPU; ratios of each "ours" row against the NSwag row after it.
    order=$(printf '%s|' "${names[@]}")
    awk -F'\t' -v mode="$mode" -v order="${order%|}" '
        function median(key, col,    k, a, b, t, s) {
            k = n[key]; for (a = 1; a <= k; a++) s[a] = v[key, col, a]
            for (a = 1; a <= k; a++) for (b = a + 1; b <= k; b++) if (s[b] < s[a]) { t = s[a]; s[a] = s[b]; s[b] = t }
            return (k % 2) ? s[(k + 1) / 2] : (s[k / 2] + s[k / 2 + 1]) / 2
        }
        function minimum(key, col,    a, m) { m = v[key, col, 1]; for (a = 2; a <= n[key]; a++) if (v[key, col, a] < m) m = v[key, col, a]; return m }
        function maximum(key, col,    a, m) { m = v[key, col, 1]; for (a = 2; a <= n[key]; a++) if (v[key, col, a] > m) m = v[key, col, a]; return m }
        NR > 1 { n[$3]++; v[$3, 4, n[$3]] = $4; v[$3, 5, n[$3]] = $5 }
        END {
            count = split(order, names, "|")
            for (j = 1; j <= count; j++) {
                p = names[j]; cold = (mode == "cold")
                wm[p] = median(p, 4); wn[p] = minimum(p, 4)
                if (cold) { cm[p] = median(p, 5); cn[p] = minimum(p, 5) }
            }
            for (j = 1; j <= count; j++) {
                p = names[j]; q = names[j % 2 ? j + 1 : j]
                ratios = (j % 2) ? sprintf("%.2f | %.2f | %s | %s", wm[p] / wm[q], wn[p] / wn[q],
                                           cold ? sprintf("%.2f", cm[p] / cm[q]) : "-", cold ? sprintf("%.2f", cn[p] / cn[q]) : "-") : "1.00 | 1.00 | " (cold ? "1.00 | 1.00" : "- | -")
                printf "| %s | %s | %.2f | %.2f | %.2f | %s | %s | %s |\n", mode, p, wm[p], wn[p], maximum(p, 4),
                       cold ? sprintf("%.2f", cm[p]) : "-", cold ? sprintf("%.2f", cn[p]) : "-", ratios
            }
        }' "$samples" >>"$summary"
done

# Where the time goes: one more rebuild of each project with the MSBuild task summary and the compiler's own
# analyzer/generator timing (ReportAnalyzer). Set ANALYZER_REPORT=0 to skip.
if [ "${ANALYZER_REPORT:-1}" = "1" ]; then
    report="$results/build-time$suffix-breakdown.txt"
    : >"$report"
    for ((i = 0; i < count; i++)); do
        echo "== ${names[$i]}" >>"$report"
        # shellcheck disable=SC2086
        dotnet build "${projects[$i]}" --no-restore --no-incremental --no-dependencies -c Release --artifacts-path "$artifacts" -nologo \
            -v d -clp:PerformanceSummary -p:ReportAnalyzer=true ${settings[$i]} 2>&1 |
            awk '/Total (analyzer|generator) execution time/ { show = 8 } show > 0 { print; show-- }
                 /(Project|Target|Task) Performance Summary/ { print }
                 /^[ \t]+[0-9]+ ms  / { if ($1 + 0 >= 200) print }' >>"$report"
    done
    echo "## compiler breakdown (one extra rebuild each, warm): $report"
fi

if [ -n "${modes// /}" ]; then
    echo
    cat "$summary"
fi
