#!/usr/bin/env bash
# Mutation testing with Stryker.NET (the local tool in dotnet-tools.json): how many deliberately broken lines the tests
# notice. Not part of .ci/run: a full run takes hours on 2 cores.
#   benchmarks/mutation.sh                 every target below
#   benchmarks/mutation.sh encodings       only the named targets (see TARGETS)
#   MUTATION_CONCURRENCY=2 benchmarks/mutation.sh ...   more test processes at once (default 1: the machine is shared)
# Each target's Stryker report goes to benchmarks/artifacts/mutation/<target>/reports/mutation-report.json; afterwards the
# per-file scores of every report present are written into docs/reliability.md (between the mutation markers), with the
# targets that have no report yet named as such.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# name # project whose files are mutated # files (globs, ';'-separated) # the tests that run against each mutant
#      [# the test project's folder, tests/OAuthGen.Tests by default]
TARGETS=(
  "redaction#OAuthGen.csproj#**/Redaction/Redaction.cs;**/Redaction/FailureText.cs#FullyQualifiedName~RedactionTextTests|FullyQualifiedName~RedactorTests|FullyQualifiedName~AnswerLeakTests|FullyQualifiedName~TokenEndpointClientTests"
  "redactor#OAuthGen.csproj#**/Redaction/Redactor.cs#FullyQualifiedName~RedactionTextTests|FullyQualifiedName~RedactorTests|FullyQualifiedName~AnswerCredentialsTests|FullyQualifiedName~AnswerLeakTests|FullyQualifiedName~MutatedCorpusLeakTests"
  "answer-credentials#OAuthGen.csproj#**/Redaction/AnswerCredentials.cs#FullyQualifiedName~RedactionTextTests|FullyQualifiedName~RedactorTests|FullyQualifiedName~AnswerCredentialsTests|FullyQualifiedName~AnswerLeakTests|FullyQualifiedName~MutatedCorpusLeakTests"
  "encodings#OAuthGen.csproj#**/FormUrlEncoding.cs;**/BasicAuthentication.cs;**/Pkce.cs;**/Base64Url.cs#FullyQualifiedName~EncodingTests|FullyQualifiedName~EncodingProperties|FullyQualifiedName~CredentialEncodingTests"
  "reader#OAuthGen.csproj#**/Responses/TokenResponseReader.cs#FullyQualifiedName~OAuthGen.Tests.Responses|FullyQualifiedName~TokenResponseReaderTests|FullyQualifiedName~ResponseShapeReaderTests|FullyQualifiedName~TypedFieldCaptureTests|FullyQualifiedName~ResponseRemappingTests|FullyQualifiedName~LifetimeAndScopeTests|FullyQualifiedName~ProtocolExtensionTests"
  "response-mapping#OAuthGen.csproj#**/Responses/ResponseMapping.cs#FullyQualifiedName~OAuthGen.Tests.Responses|FullyQualifiedName~TokenResponseReaderTests|FullyQualifiedName~ResponseShapeReaderTests|FullyQualifiedName~TypedFieldCaptureTests|FullyQualifiedName~ResponseRemappingTests|FullyQualifiedName~LifetimeAndScopeTests|FullyQualifiedName~ProtocolExtensionTests"
  "field-reader#OAuthGen.csproj#**/GeneratedCode/TokenFieldReader*.cs#FullyQualifiedName~OAuthGen.Tests.Responses|FullyQualifiedName~TokenResponseReaderTests|FullyQualifiedName~ResponseShapeReaderTests|FullyQualifiedName~TypedFieldCaptureTests|FullyQualifiedName~ResponseRemappingTests|FullyQualifiedName~LifetimeAndScopeTests|FullyQualifiedName~ProtocolExtensionTests"
  "origin-guard#OAuthGen.csproj#**/Transport/OriginGuard.cs#FullyQualifiedName~RedirectTests|FullyQualifiedName~TransportSecurityTests|FullyQualifiedName~OriginGuardTests|FullyQualifiedName~ResilienceHandlerTests"
  "retry-policy#OAuthGen.csproj#**/Transport/TokenRetryPolicy.cs#FullyQualifiedName~RetryTests"
  "token-managers#OAuthGen.csproj#**/Tokens/*.cs#FullyQualifiedName~OAuthGen.Tests.TokenManagement&FullyQualifiedName!~RedisFaultTests&FullyQualifiedName!~TokenStormTests"
  # The reader's rules are tested where their diagnostics are: the analyzer tests (Microsoft.CodeAnalysis.Testing).
  "declaration-reader#OAuthGen.Generator.csproj#**/Declarations/DeclarationReader.cs#FullyQualifiedName~MalformedInputTests|FullyQualifiedName~SeedDeclarationTests|FullyQualifiedName~OAUTH003Tests|FullyQualifiedName~OAUTH004Tests|FullyQualifiedName~OAUTH018Tests|FullyQualifiedName~OAUTH022Tests|FullyQualifiedName~ResponseFieldRulesTests|FullyQualifiedName~OAUTH047Tests|FullyQualifiedName~MetadataDocumentTests#tests/OAuthGen.Analyzers.Tests"
  # The spec it builds is tested where it is emitted: the generator tests of the main test project. Stryker runs one test
  # project at a time here, so the same file is a second target; targets that mutate the same files are reported as one
  # row, a mutant counting as killed when the tests of any of them killed it.
  "declaration-reader-output#OAuthGen.Generator.csproj#**/Declarations/DeclarationReader.cs#FullyQualifiedName~OAuthGen.Tests.Generator"
  # The emitted text is compared byte for byte with the baselines; the generated members' shapes and attributes beside.
  "emitter#OAuthGen.Generator.csproj#**/OAuthProviderGenerator.Emitter*.cs#FullyQualifiedName~BaselineTests|FullyQualifiedName~GeneratedMembersTests|FullyQualifiedName~GeneratedCodeAttributeTests|FullyQualifiedName~RobustnessTests"
)

selected=("$@")
dotnet tool restore >/dev/null
for target in "${TARGETS[@]}"; do
  IFS='#' read -r name project files filter tests <<<"$target"
  tests=${tests:-tests/OAuthGen.Tests}
  # The runtime multi-targets (net8.0 is mutated); the generator has one target, netstandard2.0.
  framework=()
  if [ "$project" = "OAuthGen.csproj" ]; then framework=(--target-framework net8.0); fi
  if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " == *" $name "* ]]; then continue; fi
  out="$root/benchmarks/artifacts/mutation/$name"
  rm -rf "$out"
  mutate=()
  IFS=';' read -ra globs <<<"$files"
  for glob in "${globs[@]}"; do mutate+=(--mutate "$glob"); done
  echo "== $name: ${files//;/, }"
  started=$(date +%s)
  # From the test project's folder: at the root Stryker would see OAuthGen.sln and run in solution mode.
  (cd "$tests" && dotnet stryker \
    --project "$project" \
    "${framework[@]}" \
    "${mutate[@]}" \
    --test-case-filter "$filter" \
    --concurrency "${MUTATION_CONCURRENCY:-1}" \
    --reporter json --reporter html --reporter progress \
    --skip-version-check \
    --output "$out")
  echo "$(( $(date +%s) - started ))" > "$out/seconds"
done

python3 - "$root" "${TARGETS[@]}" <<'EOF'
import fnmatch, json, os, re, sys
root, targets = sys.argv[1], sys.argv[2:]
rows, missing = [], []
doc = os.path.join(root, 'docs/reliability.md')
begin, end = '<!-- mutation:begin -->', '<!-- mutation:end -->'
text = open(doc).read()
# A target without a report here keeps the rows of its last run (the reports are not committed).
previous = [line for line in text.split(begin)[1].split(end)[0].splitlines() if line.startswith('| ') and not line.startswith('| target')]
# Targets that mutate the same files of the same project are one row: a mutant is killed when any of their test runs
# killed it (Stryker names a mutant by where it is and what it does, the same in every run of unchanged source).
groups = {}
for target in targets:
    name, project, files = target.split('#')[:3]
    groups.setdefault((project, files), []).append(name)
def key(mutant):
    start = mutant['location']['start']
    return (start['line'], start['column'], mutant['mutatorName'], mutant.get('replacement'))
# When runs disagree: killed beats survived beats not covered.
rank = {'Killed': 3, 'Timeout': 3, 'Survived': 2, 'NoCoverage': 1}
for (project, files), names in groups.items():
    label = ' + '.join(names)
    reports = [(name, os.path.join(root, 'benchmarks/artifacts/mutation', name, 'reports/mutation-report.json')) for name in names]
    reports = [(name, report) for name, report in reports if os.path.exists(report)]
    if len(reports) < len(names):
        kept = [row for row in previous if set(row.split('|')[1].strip().split(' + ')) <= set(names)]
        if kept:
            rows.extend(kept)
            continue
        if not reports:
            missing.append('`%s` (%s)' % (label, files.replace(';', ', ').replace('**/', '')))
            continue
        label = ' + '.join(name for name, _ in reports)
    times = []
    for name, report in reports:
        seconds = os.path.join(os.path.dirname(os.path.dirname(report)), 'seconds')
        times.append(open(seconds).read().strip() + ' s' if os.path.exists(seconds) else '?')
    globs = [g.replace('**/', '') for g in files.split(';')]
    merged = {}
    for name, report in reports:
        for path, data in json.load(open(report))['files'].items():
            relative = os.path.relpath(path, root) if os.path.isabs(path) else path
            if not any(fnmatch.fnmatch(relative, '*/' + g) or fnmatch.fnmatch(os.path.basename(relative), g) for g in globs):
                continue
            statuses = merged.setdefault(relative, {})
            for mutant in data['mutants']:
                status, earlier = mutant['status'], statuses.get(key(mutant))
                if earlier is None or rank.get(status, 0) > rank.get(earlier, 0):
                    statuses[key(mutant)] = status
    for relative, statuses in sorted(merged.items()):
        counts = {}
        for status in statuses.values():
            counts[status] = counts.get(status, 0) + 1
        killed = counts.get('Killed', 0) + counts.get('Timeout', 0)
        survived, uncovered = counts.get('Survived', 0), counts.get('NoCoverage', 0)
        valid = killed + survived + uncovered
        score = '%.1f %%' % (100.0 * killed / valid) if valid else 'n/a'
        rows.append('| %s | `%s` | %d | %d | %d | %d | %d | %s | %s |' % (
            label, relative, valid, killed, survived, uncovered,
            counts.get('CompileError', 0) + counts.get('Ignored', 0), score, ' + '.join(times)))
table = ['| target | file | mutants | killed | survived | not covered | not compiled or ignored | score | run time |',
         '|---|---|---|---|---|---|---|---|---|'] + rows
if missing:
    table += ['', 'Not run yet: ' + ', '.join(missing) + '.']
text = re.sub(re.escape(begin) + '.*?' + re.escape(end), begin + '\n' + '\n'.join(table) + '\n' + end, text, flags=re.S)
open(doc, 'w').write(text)
print('\n'.join(table))
EOF
