using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OAuthGen.Testing
{
    /// <summary>
    /// The one compilation factory of the test projects (linked into each): the test host's framework assemblies plus
    /// the OAuthGen runtime, nullable enabled from C# 8, and the SDK's default suppressions.
    /// </summary>
    internal static class TestCompilations
    {
        private static readonly Lazy<MetadataReference[]> LazyReferences = new(() =>
        {
            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(path => Path.GetDirectoryName(path) == runtimeDirectory);
            return framework
                .Append(typeof(OAuthToken).Assembly.Location)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToArray();
        });

        /// <summary>The framework of the running test host and the OAuthGen runtime.</summary>
        public static IReadOnlyList<MetadataReference> References => LazyReferences.Value;

        public static CSharpCompilationOptions Options(LanguageVersion languageVersion = LanguageVersion.Latest) =>
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: languageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                // As the .NET SDK does by default: the runtime targets net8.0 and the references here are newer.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                });

        /// <summary>A compilation of <paramref name="sources"/>, named Source0.cs, Source1.cs, ...</summary>
        public static CSharpCompilation Create(LanguageVersion languageVersion, params string[] sources)
        {
            var parseOptions = new CSharpParseOptions(languageVersion);
            return CSharpCompilation.Create(
                "Consumer",
                sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"Source{i}.cs")),
                References,
                Options(languageVersion));
        }

        /// <summary>A referenced assembly compiled from <paramref name="source"/>, as a project reference gives it.</summary>
        public static MetadataReference Library(string assemblyName, string source)
        {
            var library = CSharpCompilation.Create(assemblyName, new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) }, References, Options());
            using var image = new MemoryStream();
            var emitted = library.Emit(image);
            if (!emitted.Success)
            {
                throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
            }

            return MetadataReference.CreateFromImage(image.ToArray());
        }
    }
}
