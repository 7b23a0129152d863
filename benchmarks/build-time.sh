#!/usr/bin/env bash
# Build time of a client project for the same contract (contracts/livechat.yaml):
#   ours    src/RocketChat.Livechat              (our incremental source generator, inside the compiler)
#   ours*   the same project with the NSwag project's settings (no AOT/trim analyzers, no XML doc file)
#   NSwag   benchmarks/RocketChat.Livechat.NSwag (NSwag.MSBuild: an Exec of the NSwag tool, then the compiler)
#
# Each measured build is `dotnet build --no-restore --no-incremental --no-dependencies` of that one project, after a
# warm restore and a first full build, so only the client project itself is rebuilt; a rebuild regenerates (our
# generator always runs inside the compiler; the NSwag output is deleted by the clean half of the rebuild).
#
# Two modes: "warm" keeps the compiler server and MSBuild nodes (the developer loop); "cold" passes
# --disable-build-servers, so every build starts a fresh compiler (CI without a build server). Cold mode does not
# run `dotnet build-server shutdown`, which would also stop the servers of anyone else building on the machine.
#
# The machine is shared and its load drifts, so the three builds are interleaved round by round (the starting
# project rotates) rather than run N times in a row each; every sample is kept in build-time-<mode>.tsv with the
# load average at that moment.
#
# Builds go to an isolated artifacts folder (benchmarks/.artifacts/build-time), so nothing under src/ is touched.
#
# CONTRACT=omnichannel times Rocket.Chat's official omnichannel.yaml instead (from ../shared/reference/openapi, or
# OFFICIAL_OPENAPI=<folder>). NSwag.MSBuild cannot compile the file as published (operationIds such as
# 'post-api-v1-livechat-users-:type' become method names like PostApiV1LivechatUsers:typeAsync), so the script writes a
# copy at run time into benchmarks/.artifacts/build-time-omnichannel/ with every character of an operationId that is
# not a letter, digit, '_' or '-' replaced by '-' (the official file is never copied into the repository). The copy is
# built by benchmarks/RocketChat.Contracts.BuildCost (our generator, src/RocketChat.Livechat's settings) and by
# benchmarks/RocketChat.Livechat.NSwag pointed at it (-p:NSwagContract=...).
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
    names=("ours: src/RocketChat.Livechat" "ours*: same project, NSwag project's settings" "NSwag: benchmarks/RocketChat.Livechat.NSwag")
    projects=("src/RocketChat.Livechat/RocketChat.Livechat.csproj" "src/RocketChat.Livechat/RocketChat.Livechat.csproj" "benchmarks/RocketChat.Livechat.NSwag/RocketChat.Livechat.NSwag.csproj")
    settings=("" "-p:IsAotCompatible=false -p:GenerateDocumentationFile=false" "")
    ;;
omnichannel)
    official="${OFFICIAL_OPENAPI:-$root/../shared/reference/openapi}/omnichannel.yaml"
    [ -f "$official" ] || { echo "build-time.sh: $official not found (set OFFICIAL_OPENAPI)" >&2; exit 1; }
    copy="$artifacts/omnichannel.yaml"
    # operationIds made valid identifiers: quotes dropped, any other character than [A-Za-z0-9_-] becomes '-'.
    # Also: a parameter schema with a date-time format but no type (2 query parameters) gets 'type: string', since
    # NSwag otherwise emits DateTimeOffset?.ToString("s", culture), which does not compile (CS1501).
    awk '{ if (match($0, /^ *operationId: */)) { head = substr($0, 1, RLENGTH); id = substr($0, RLENGTH + 1)
                                                 gsub(/\047|"/, "", id); gsub(/[^A-Za-z0-9_-]/, "-", id); print head id }
           else { if (previous ~ /schema:$/ && $0 ~ /^ *format: date-time$/) { indent = $0; sub(/format: date-time$/, "", indent); print indent "type: string" }
                  print }
           previous = $0 }' "$official" >"$copy"
    echo "# $copy: $(grep -c 'operationId:' "$copy") operations, $(diff "$official" "$copy" | grep -c '^>') lines changed"
    names=("ours: benchmarks/RocketChat.Contracts.BuildCost" "ours*: same project, NSwag project's settings" "NSwag: benchmarks/RocketChat.Livechat.NSwag on the copy")
    projects=("benchmarks/RocketChat.Contracts.BuildCost/RocketChat.Contracts.BuildCost.csproj" "benchmarks/RocketChat.Contracts.BuildCost/RocketChat.Contracts.BuildCost.csproj" "benchmarks/RocketChat.Livechat.NSwag/RocketChat.Livechat.NSwag.csproj")
    settings=("-p:BuildCostContract=$copy" "-p:BuildCostContract=$copy -p:IsAotCompatible=false -p:GenerateDocumentationFile=false" "-p:NSwagContract=$copy")
    ;;
*)
    echo "build-time.sh: CONTRACT must be livechat or omnichannel" >&2
    exit 1
    ;;
esac
common=(-c Release --artifacts-path "$artifacts" -nologo -v q)

echo "# warm restore and first build (generator, runtime, both clients) into $artifacts"
# shellcheck disable=SC2086 # settings are a word list on purpose
dotnet build "${projects[0]}" "${common[@]}" ${settings[0]} >/dev/null
# shellcheck disable=SC2086
dotnet build "${projects[2]}" "${common[@]}" ${settings[2]} >/dev/null

build() { # build INDEX EXTRA...
    local i="$1"
    shift
    # shellcheck disable=SC2086 # settings are a word list on purpose
    dotnet build "${projects[$i]}" --no-restore --no-incremental --no-dependencies "${common[@]}" ${settings[$i]} "$@" >/dev/null
}

summary="$results/build-time$suffix.md"
[ -n "${modes// /}" ] && {
    echo "Build time of the client project, $(dotnet --version) SDK, $(nproc) cores, $runs interleaved runs per project and mode after one warm-up build each."
    echo "Commands: dotnet build <project> --no-restore --no-incremental --no-dependencies -c Release --artifacts-path $artifacts [--disable-build-servers in cold mode]"
    echo
    echo "| mode | project | mean (s) | stddev (s) | median (s) | min (s) | max (s) | mean ratio vs NSwag | min ratio vs NSwag |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$summary"

for mode in $modes; do
    extra=()
    if [ "$mode" = "cold" ]; then extra=(--disable-build-servers); fi
    samples="$results/build-time$suffix-$mode.tsv"
    printf 'mode\tround\tproject\tseconds\tload1\n' >"$samples"
    echo "## mode: $mode: warm-up build of each project"
    for i in 0 1 2; do build "$i" "${extra[@]}"; done
    for round in $(seq 1 "$runs"); do
        for k in 0 1 2; do
            i=$(((round + k) % 3))
            start=$(date +%s%N)
            build "$i" "${extra[@]}"
            end=$(date +%s%N)
            seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
            load=$(cut -d' ' -f1 /proc/loadavg)
            printf '%s\t%s\t%s\t%s\t%s\n' "$mode" "$round" "${names[$i]}" "$seconds" "$load" >>"$samples"
            echo "  $mode round $round: ${names[$i]}: ${seconds} s (load $load)"
        done
    done

    # mean, stddev, median, min, max per project; ratios against NSwag (the last project).
    awk -F'\t' -v mode="$mode" -v nswag="${names[2]}" -v order="${names[0]}|${names[1]}|${names[2]}" '
        NR > 1 { n[$3]++; sum[$3] += $4; sq[$3] += $4 * $4; v[$3, n[$3]] = $4
                 if (!($3 in mn) || $4 < mn[$3]) mn[$3] = $4; if (!($3 in mx) || $4 > mx[$3]) mx[$3] = $4 }
        END {
            count = split(order, names, "|")
            for (j = 1; j <= count; j++) {
                p = names[j]; m = sum[p] / n[p]; var = sq[p] / n[p] - m * m; if (var < 0) var = 0
                sd = (n[p] > 1) ? sqrt(var * n[p] / (n[p] - 1)) : 0
                # median: sort this project samples
                k = n[p]; for (a = 1; a <= k; a++) s[a] = v[p, a]
                for (a = 1; a <= k; a++) for (b = a + 1; b <= k; b++) if (s[b] < s[a]) { t = s[a]; s[a] = s[b]; s[b] = t }
                med = (k % 2) ? s[(k + 1) / 2] : (s[k / 2] + s[k / 2 + 1]) / 2
                mean[p] = m; stats[p] = sprintf("%.2f | %.2f | %.2f | %.2f | %.2f", m, sd, med, mn[p], mx[p])
            }
            for (j = 1; j <= count; j++) {
                p = names[j]
                printf "| %s | %s | %s | %.2f | %.2f |\n", mode, p, stats[p], mean[p] / mean[nswag], mn[p] / mn[nswag]
            }
        }' "$samples" >>"$summary"
done

# Where the time goes: one more rebuild of each project with the MSBuild task summary and the compiler's own
# analyzer/generator timing (ReportAnalyzer). Set ANALYZER_REPORT=0 to skip.
if [ "${ANALYZER_REPORT:-1}" = "1" ]; then
    report="$results/build-time$suffix-breakdown.txt"
    : >"$report"
    for i in 0 1 2; do
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
