using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests
{
    /// <summary>The five real provider declarations: nothing above Info, and exactly the Infos they deserve.</summary>
    public class SeedDeclarationTests
    {
        private static readonly string Seeds = ReadSeeds();

        [Fact]
        public async Task The_seed_declarations_get_no_warning_or_error()
        {
            var result = await AnalyzerVerifier.AnalyzeAsync(Seeds);

            Assert.Empty(result.CompilerErrors);
            Assert.DoesNotContain(result.OAuthDiagnostics, d => d.Severity > DiagnosticSeverity.Info);
        }

        [Fact]
        public async Task The_seed_declarations_get_exactly_their_infos()
        {
            // Seeds 000 (Afero) and 002 (barapi) use the password grant; seed 004 (Podero) sends JSON.
            var result = await AnalyzerVerifier.AnalyzeAsync(Seeds);

            var infos = result.OAuthDiagnostics
                .Select(d => d.Id + " " + Seeds.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length) + " on " + ClassOf(d))
                .OrderBy(text => text, System.StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(
                new[]
                {
                    "OAUTH010 OAuthGrant.Password on AferoAuth",
                    "OAUTH010 OAuthGrant.Password on BarApiAuth",
                    "OAUTH012 BodyEncoding.Json on PoderoAuth",
                },
                infos);
        }

        private static string ClassOf(Diagnostic diagnostic) =>
            diagnostic.Location.SourceTree!.GetRoot().FindNode(diagnostic.Location.SourceSpan)
                .FirstAncestorOrSelf<ClassDeclarationSyntax>()!.Identifier.ValueText;

        private static string ReadSeeds()
        {
            using var stream = typeof(SeedDeclarationTests).Assembly.GetManifestResourceStream("SeedDeclarations.cs")!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
