using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.Testing;
using OAuthGen.CodeFixes;
using OAuthGen.Generator.Analyzers;
using OAuthGen.Generator.Diagnostics;
using Xunit;

namespace OAuthGen.Analyzers.Tests
{
    /// <summary>Every rule has one ID, a help link to its page, a release-tracking line and a row in the catalogue.</summary>
    public class CatalogueTests
    {
        private static readonly DiagnosticDescriptor[] Descriptors = typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();

        private static readonly string[] Ids = typeof(DiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();

        [Fact]
        public void Every_ID_has_one_descriptor_and_one_analyzer_reports_it()
        {
            Assert.Equal(Ids, Descriptors.Select(d => d.Id));
            Assert.Equal(Ids.Length, Ids.Distinct().Count());
            var supported = Compilations.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(Ids, supported);
        }

        [Fact]
        public void Every_descriptor_links_to_its_page_and_the_page_exists()
        {
            foreach (var descriptor in Descriptors)
            {
                Assert.Equal("https://github.com/oauthgen/oauthgen/blob/main/docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
                Assert.Contains(descriptor.Category, new[] { "OAuthGen.Usage", "OAuthGen.Security" });
                Assert.True(descriptor.IsEnabledByDefault);
                var page = Repository.PathOf("docs", "diagnostics", descriptor.Id + ".md");
                Assert.True(File.Exists(page), page + " is missing");
                var text = File.ReadAllText(page);
                Assert.StartsWith("# " + descriptor.Id + ": ", text);
                Assert.Contains("| Severity | " + descriptor.DefaultSeverity + " |", text);
                Assert.Contains("| Category | " + descriptor.Category + " |", text);
                foreach (var section in new[] { "## Why", "## How to fix", "## How to suppress", "## See also" })
                {
                    Assert.True(text.Contains(section, StringComparison.Ordinal), descriptor.Id + ".md has no '" + section + "' section");
                }
            }
        }

        [Fact]
        public void Every_descriptor_is_in_the_release_tracking_file_and_the_catalogue()
        {
            var unshipped = File.ReadAllLines(Repository.PathOf("src", "Generator", "OAuthGen.Generator", "AnalyzerReleases.Unshipped.md"));
            var catalogue = File.ReadAllText(Repository.PathOf("docs", "diagnostics", "README.md"));
            var fixable = typeof(RemoveAttributeCodeFixProvider).Assembly.GetTypes()
                .Where(t => typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
                .SelectMany(t => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
                .ToHashSet();
            foreach (var descriptor in Descriptors)
            {
                Assert.Single(unshipped, line => line.StartsWith(descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " |", StringComparison.Ordinal));
                var row = "| [" + descriptor.Id + "](" + descriptor.Id + ".md) | " + descriptor.Title + " | " + descriptor.DefaultSeverity + " | " + descriptor.Category + " | "
                    + (fixable.Contains(descriptor.Id) ? "yes" : "no") + " |";
                Assert.True(catalogue.Contains(row, StringComparison.Ordinal), "The catalogue lacks the row: " + row);
            }
        }
    }
}
