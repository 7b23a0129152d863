#!/usr/bin/env bash
# Runs every benchmark and writes the results to benchmarks/results/:
#   1. builds benchmarks/RocketChat.Contracts.Benchmarks (Release, warnings are errors);
#   2. the cross-check: the three clients send the same requests and read the same data (cross-check.txt), and
#      the per-call allocation breakdown, fixed part vs JSON reading (allocations.md);
#   3. BenchmarkDotNet -> bdn.log, bdn/results/*-report-github.md|csv|html:
#      ClientBenchmarks               generated vs hand-written vs NSwag, per call (the comparison)
#      GeneratorBenchmarks            first run and cached re-run on livechat.yaml and omnichannel.yaml
#      JsonReadingBenchmarks          diagnosis: the large bodies read from a stream vs from a span
#      ResponseReadingBenchmarks      diagnosis: the generated client vs a replica of its stream read before 2e65052
#      EmulatorStateBenchmarks        the emulator: send and re-register on an empty emulator vs one with 12,000 rooms
#   3b. the emulator flow run: 10,000 visitors through the whole conversation -> emulator-flow.txt (lost, duplicated, 5xx);
#      EMULATOR_VISITORS (default 10000) and EMULATOR_PARALLEL (default 16) size it.
#   4. build-time.sh: rebuild time of the client project, ours vs NSwag.MSBuild -> build-time.md, build-time-*.tsv,
#      and a compiler breakdown (task times, ReportAnalyzer) -> build-time-breakdown.txt.
#
# Environment: FILTER (BenchmarkDotNet filters, default all classes), BDN_ARGS (extra BenchmarkDotNet
# arguments, e.g. "--iterationCount 20"), BUILD_RUNS (default 5), SKIP_BUILD_TIME=1 to stop after BenchmarkDotNet.
# Total time on a 2-core machine: about 8 minutes for BenchmarkDotNet and 5 for the build times.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
results="$here/results"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
cd "$root"

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src generator contracts 2>/dev/null || echo ' (with local changes under src/, generator/ or contracts/)')"
    echo "sdk: $(dotnet --version), cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results/environment.txt"

echo "# 1. build"
dotnet build benchmarks/RocketChat.Contracts.Benchmarks/RocketChat.Contracts.Benchmarks.csproj -c Release -nologo -v q
bench="benchmarks/RocketChat.Contracts.Benchmarks/bin/Release/net10.0/RocketChat.Contracts.Benchmarks.dll"

echo "# 2. cross-check and allocation breakdown"
dotnet "$bench" --verify | tee "$results/cross-check.txt"
dotnet "$bench" --alloc | tee "$results/allocations.md"

echo "# 3. BenchmarkDotNet"
rm -rf "$results/bdn"
# FILTER and BDN_ARGS are word lists on purpose; no globbing, so '*' reaches BenchmarkDotNet as written.
set -f
# shellcheck disable=SC2086
(cd benchmarks/RocketChat.Contracts.Benchmarks &&
    dotnet "bin/Release/net10.0/RocketChat.Contracts.Benchmarks.dll" \
        --filter ${FILTER:-'*'} \
        --artifacts "$results/bdn" ${BDN_ARGS:-}) | tee "$results/bdn.log"
set +f
echo "# BenchmarkDotNet reports: $results/bdn/results/"

echo "# 3b. emulator flow run"
dotnet "$bench" --emulator-flow "${EMULATOR_VISITORS:-10000}" "${EMULATOR_PARALLEL:-16}" | tee "$results/emulator-flow.txt"

if [ "${SKIP_BUILD_TIME:-0}" != "1" ]; then
    echo "# 4. build time"
    RESULTS_DIR="$results" bash "$here/build-time.sh" "${BUILD_RUNS:-5}" | tee "$results/build-time.log"
fi
