#!/usr/bin/env bash
# NativeAOT: publishes samples/AotSample (PublishAot=true) for linux-x64, fails on any trim (IL2xxx) or AOT (IL3xxx)
# warning, then runs the native binary against the loopback seed emulators it hosts. Installs the native link
# step's needs (clang, zlib1g-dev) from Debian's packages when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

missing=()
command -v clang > /dev/null || missing+=(clang)
dpkg -s zlib1g-dev > /dev/null 2>&1 || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  sudo=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi

out=benchmarks/artifacts/aot
rm -rf "$out"
mkdir -p "$out"
echo "== dotnet publish samples/AotSample -c Release -r linux-x64 (PublishAot=true)"
started=$(date +%s)
# Warnings are listed, not turned into errors here, so that every one of them is counted below.
status=0
dotnet publish samples/AotSample -c Release -r linux-x64 -o "$out/bin" -nologo -clp:NoSummary \
  -p:TreatWarningsAsErrors=false > "$out/publish.log" 2>&1 || status=$?
seconds=$(( $(date +%s) - started ))
{ grep -E "warning|error" "$out/publish.log" || true; } | sort -u
if [ "$status" -ne 0 ]; then
  tail -40 "$out/publish.log"
  echo "publish failed ($status)"
  exit "$status"
fi

warnings=$({ grep -E "warning IL[23][0-9]{3}" "$out/publish.log" || true; } | sort -u | wc -l)
size=$(stat -c %s "$out/bin/AotSample")
echo "publish: ${seconds} s, trim/AOT warnings: ${warnings}, native binary: $(( size / 1024 / 1024 )) MiB (${size} bytes)"
if [ "$warnings" -ne 0 ]; then
  echo "trim or AOT warnings: the sample is not AOT-clean"
  exit 1
fi

echo "== $out/bin/AotSample"
"$out/bin/AotSample"
