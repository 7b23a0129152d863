#!/usr/bin/env bash
# Native AOT vs JIT for the CLI: binary size, and time from process start to the first request answered
# (`rocketchat-livechat info` against a local emulator). Both builds run side by side in one hyperfine run.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results/cli-startup
mkdir -p "$out"

if ! command -v hyperfine >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq hyperfine) >/dev/null
fi

dotnet publish src/RocketChat.Livechat.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" >/dev/null
dotnet publish src/RocketChat.Livechat.Cli -c Release -r linux-x64 -p:PublishAot=false --self-contained false -o "$out/jit" >/dev/null

port=38517
"$out/aot/rocketchat-livechat" emulator --port $port --no-rate-limit > "$out/emulator.log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/info" >/dev/null && break; sleep 0.2; done

aot_size=$(stat -c %s "$out/aot/rocketchat-livechat")
jit_size=$(du -cb "$out/jit"/*.dll "$out/jit/rocketchat-livechat" | tail -1 | cut -f1)
echo "Native AOT binary: $aot_size bytes (one file, no runtime needed)"
echo "JIT build: $jit_size bytes of app files (plus the shared .NET runtime)"

hyperfine --warmup 3 --runs 20 --export-markdown "$out/startup.md" \
  -n "native-aot" "$out/aot/rocketchat-livechat --server http://127.0.0.1:$port info" \
  -n "jit" "$out/jit/rocketchat-livechat --server http://127.0.0.1:$port info"
cat "$out/startup.md"
