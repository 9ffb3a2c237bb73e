using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OAuthGen.Testing;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Infrastructure
{
    /// <summary>Applies a code fix in an <see cref="AdhocWorkspace"/> and returns the document's text afterwards.</summary>
    internal static class CodeFixVerifier
    {
        /// <summary>
        /// Fixes the single marked diagnostic of <paramref name="markup"/> with <paramref name="fix"/> and asserts the exact text
        /// after it, and that the diagnostic is gone.
        /// </summary>
        public static async Task VerifyAsync<TFix>(string markup, string expected)
            where TFix : CodeFixProvider, new()
        {
            var (source, marks) = Markup.Parse(markup);
            var mark = Assert.Single(marks);
            var fix = new TFix();
            Assert.Contains(mark.Id, fix.FixableDiagnosticIds);

            using var workspace = new AdhocWorkspace();
            var document = AddDocument(workspace, source);
            var diagnostics = await AnalyzeAsync(document);
            var diagnostic = Assert.Single(diagnostics, d => d.Id == mark.Id && d.Location.SourceSpan == mark.Span);

            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            var codeAction = Assert.Single(actions);
            var operations = await codeAction.GetOperationsAsync(CancellationToken.None);
            var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
            var fixedDocument = apply.ChangedSolution.GetDocument(document.Id)!;
            var text = (await fixedDocument.GetTextAsync()).ToString();
            Assert.Equal(expected.ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"));

            var after = await AnalyzeAsync(fixedDocument);
            Assert.DoesNotContain(after, d => d.Id == mark.Id);
            var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
            Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        }

        /// <summary>Asserts that <paramref name="fix"/> offers nothing for the marked diagnostic (a value it cannot rewrite).</summary>
        public static async Task VerifyNoFixAsync<TFix>(string markup)
            where TFix : CodeFixProvider, new()
        {
            var (source, marks) = Markup.Parse(markup);
            var mark = Assert.Single(marks);
            using var workspace = new AdhocWorkspace();
            var document = AddDocument(workspace, source);
            var diagnostic = Assert.Single(await AnalyzeAsync(document), d => d.Id == mark.Id && d.Location.SourceSpan == mark.Span);
            var actions = new List<CodeAction>();
            await new TFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            Assert.Empty(actions);
        }

        private static Document AddDocument(AdhocWorkspace workspace, string source)
        {
            var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Create(),
                "Consumer",
                "Consumer",
                LanguageNames.CSharp,
                compilationOptions: TestCompilations.Options(),
                parseOptions: Compilations.ParseOptions,
                metadataReferences: Compilations.References));
            return workspace.AddDocument(project.Id, "Source0.cs", SourceText.From(source));
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document)
        {
            var compilation = (await document.Project.GetCompilationAsync())!;
            return await compilation.WithAnalyzers(Compilations.Analyzers).GetAnalyzerDiagnosticsAsync();
        }
    }
}
