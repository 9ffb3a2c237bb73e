using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using OAuthGen.Generator.Analyzers;
using OAuthGen.Testing;

namespace OAuthGen.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The Microsoft.CodeAnalysis.Testing harness as OAuthGen's analyzer tests run it: every OAuthGen analyzer at once,
    /// the generator beside them (as in a build), and the test host's own framework plus the OAuthGen runtime as
    /// references (see docs/decisions.md: no reference packages are downloaded at test time).
    /// </summary>
    internal sealed class OAuthGenAnalyzerTest : CSharpAnalyzerTest<ProviderDeclarationAnalyzer, DefaultVerifier>
    {
        public OAuthGenAnalyzerTest()
        {
            Harness.Configure(this, TestState);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Compilations.Analyzers;

        protected override IEnumerable<Type> GetSourceGenerators() => Harness.Generators;

        protected override CompilationOptions CreateCompilationOptions() => TestCompilations.Options();

        protected override ParseOptions CreateParseOptions() => Compilations.ParseOptions;
    }
}
