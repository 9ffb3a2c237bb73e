#!/usr/bin/env bash
# The one command: runs every benchmark on this machine and rewrites the results in docs/benchmarks.md.
#   benchmarks/run.sh                      everything (about 45 minutes on 2 cores)
#   benchmarks/run.sh --filter '*Reader*'  a subset (BenchmarkDotNet's --filter); the generated section then holds only it
# Raw BenchmarkDotNet reports: benchmarks/OAuthGen.Benchmarks/BenchmarkDotNet.Artifacts; everything else: benchmarks/artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out=benchmarks/artifacts
mkdir -p "$out"
started=$(date +%s)

echo "== build"
dotnet build benchmarks/OAuthGen.Benchmarks -c Release -v:q -nologo
bench="dotnet benchmarks/OAuthGen.Benchmarks/bin/Release/net10.0/OAuthGen.Benchmarks.dll"

filter_args=("$@")
if [ ${#filter_args[@]} -eq 0 ]; then filter_args=(--filter '*'); fi
everything=$([ $# -eq 0 ] && echo yes || echo no)

echo "== machine"
{
  echo '```'
  lscpu | grep -E '^(Architecture|CPU\(s\)|Model name|Thread\(s\) per core|Core\(s\) per socket|Socket\(s\)|CPU max MHz|L2 cache|L3 cache|Hypervisor vendor|Virtualization type)' || true
  grep -E '^MemTotal' /proc/meminfo || true
  echo "OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo ".NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}')"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo '```'
} > "$out/machine.md"
cat "$out/machine.md"

if [ "$everything" = yes ]; then
  echo "== generator: incremental steps per keystroke (checked) and analyzer times"
  $bench --generator-report "$out/generator-report.md"

  echo "== generator and analyzers in a real build: csc -reportanalyzer on the 1,000-provider project"
  rm -rf "$out/synthetic"
  $bench --write-synthetic "$out/synthetic" 1000 "$root"
  dotnet build "$out/synthetic" -c Release -v:q -nologo > "$out/synthetic-build-1.log"
  # The compiler server is warm now; build the project alone again, compiler only.
  dotnet build "$out/synthetic" -c Release --no-dependencies --no-incremental -nologo -v:d \
    -p:ReportAnalyzer=true -clp:PerformanceSummary > "$out/synthetic-build.log"
  python3 benchmarks/report_analyzer.py "$out/synthetic-build.log" > "$out/real-build.md"
  cat "$out/real-build.md"
fi

echo "== interleaved ratios (reader, cached token)"
$bench --paired "$out/paired.md"

echo "== BenchmarkDotNet"
$bench "${filter_args[@]}" --results "$out/results.md"

echo "== docs/benchmarks.md"
python3 - "$out" "$everything" "$(( ($(date +%s) - started) / 60 ))" <<'PY'
import pathlib, re, sys
out, everything, minutes = pathlib.Path(sys.argv[1]), sys.argv[2] == "yes", sys.argv[3]
doc = pathlib.Path("docs/benchmarks.md")
parts = [(out / "machine.md").read_text()]
parts.append(f"Whole run: {minutes} min (`benchmarks/run.sh`).\n")
parts.append((out / "results.md").read_text())
parts.append((out / "paired.md").read_text())
if everything:
    parts.append((out / "generator-report.md").read_text())
    parts.append((out / "real-build.md").read_text())
generated = "<!-- results:begin (written by benchmarks/run.sh; do not edit by hand) -->\n" + "\n".join(parts) + "\n<!-- results:end -->"
text = doc.read_text() if doc.exists() else "# Benchmarks\n\n<!-- results:begin -->\n<!-- results:end -->\n"
text = re.sub(r"<!-- results:begin.*?<!-- results:end -->", lambda _: generated, text, flags=re.S)
doc.write_text(text)
print("updated", doc)
PY
