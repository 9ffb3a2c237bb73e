using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using OAuthGen.Generator;
using OAuthGen.Testing;

namespace OAuthGen.Tests.Infrastructure
{
    /// <summary>
    /// The generator on Microsoft.CodeAnalysis.Testing: sources in, <c>TestState.GeneratedSources</c> compared, the result
    /// compiled. References are the test host's framework and the runtime, as everywhere (no package download).
    /// </summary>
    internal sealed class OAuthGenGeneratorTest : CSharpSourceGeneratorTest<OAuthProviderGenerator, DefaultVerifier>
    {
        public OAuthGenGeneratorTest(LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            LanguageVersion = languageVersion;
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(TestCompilations.References);
        }

        public LanguageVersion LanguageVersion { get; }

        protected override CompilationOptions CreateCompilationOptions() => TestCompilations.Options(LanguageVersion);

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion);
    }
}
