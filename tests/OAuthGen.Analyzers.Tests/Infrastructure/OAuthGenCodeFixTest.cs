using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using OAuthGen.Generator.Analyzers;
using OAuthGen.Testing;

namespace OAuthGen.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The harness for a code fix: it applies the fix to each marked diagnostic, then Fix All (the batch fixer every
    /// OAuthGen fix offers) in document, project and solution, and compares each result with <c>FixedCode</c>.
    /// </summary>
    internal sealed class OAuthGenCodeFixTest<TFix> : CSharpCodeFixTest<ProviderDeclarationAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        public OAuthGenCodeFixTest()
        {
            Harness.Configure(this, TestState);
            FixedState.AdditionalReferences.AddRange(TestCompilations.References);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Compilations.Analyzers;

        protected override IEnumerable<Type> GetSourceGenerators() => Harness.Generators;

        protected override CompilationOptions CreateCompilationOptions() => TestCompilations.Options();

        protected override ParseOptions CreateParseOptions() => Compilations.ParseOptions;
    }
}
