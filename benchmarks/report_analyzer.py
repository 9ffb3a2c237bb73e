"""Turns the output of `dotnet build -v:d -p:ReportAnalyzer=true -clp:PerformanceSummary` into a markdown table:
the Csc task's time, and each analyzer and generator assembly's execution time as csc -reportanalyzer measures it."""
import re
import sys

lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
row = re.compile(r"^\s*(<?[\d.]+)\s+(<?\d+)\s+(\S.*)$")


def section(title):
    """(total seconds, [(seconds, name, [(seconds, child), ...])]) of the report that starts with `title`."""
    start = next((i for i, line in enumerate(lines) if title in line), None)
    if start is None:
        return None, []
    total = float(re.search(r"([\d.]+) seconds", lines[start]).group(1))
    assemblies = []
    for line in lines[start + 1:]:
        if "Total " in line and "execution time" in line:
            break
        match = row.match(line)
        if not match:
            # Blank lines separate the assemblies; anything else ends the report.
            if line.strip() == "" or "Time (s)" in line:
                continue
            break
        seconds = 0.0 if match.group(1).startswith("<") else float(match.group(1))
        name = match.group(3).strip()
        if ", Version=" in name:
            assemblies.append((seconds, name.split(",")[0], []))
        elif assemblies:
            assemblies[-1][2].append((seconds, name))
    return total, assemblies


csc = next((int(m.group(1)) for m in (re.match(r"^\s*(\d+) ms\s+Csc\s+\d+ calls", l) for l in lines) if m), None)
analyzers_total, analyzers = section("Total analyzer execution time")
generators_total, generators = section("Total generator execution time")

print("#### The generator and analyzers in a real build (1,000 providers)")
print()
print("`dotnet build` of the synthetic 1,000-provider project on disk with the .NET SDK's compiler (compiler server")
print("warm, `--no-incremental`), `-p:ReportAnalyzer=true`: csc's own timing of every analyzer and generator. Analyzer")
print("times are summed over the threads they ran on, so they can add up to more than the wall time they took.")
print()
print("| what | seconds | share of the Csc task |")
print("|---|---:|---:|")
if csc is None:
    print("| Csc task | not found | |")
    sys.exit(0)
seconds = csc / 1000
print(f"| Csc task (parse, generators, analyzers, bind, emit) | {seconds:.2f} | 100% |")


def share(value):
    return f"{100 * value / seconds:.1f}%"


if generators_total is not None:
    print(f"| all generators ({len(generators)} assemblies) | {generators_total:.2f} | {share(generators_total)} |")
    for value, name, children in generators:
        if name.startswith("OAuthGen"):
            print(f"| **{name}** | **{value:.3f}** | **{share(value)}** |")
if analyzers_total is not None:
    print(f"| all analyzers ({len(analyzers)} assemblies) | {analyzers_total:.2f} | {share(analyzers_total)} |")
    for value, name, children in analyzers:
        if name.startswith("OAuthGen"):
            print(f"| **{name}**, all its analyzers | **{value:.3f}** | **{share(value)}** |")
            for child_value, child in children:
                print(f"| &nbsp;&nbsp;{child.split(' (')[0].split('.')[-1]} | {child_value:.3f} | {share(child_value)} |")
    others = [a for a in analyzers if not a[1].startswith("OAuthGen")][:3]
    for value, name, _ in others:
        print(f"| {name} (for comparison) | {value:.3f} | {share(value)} |")
