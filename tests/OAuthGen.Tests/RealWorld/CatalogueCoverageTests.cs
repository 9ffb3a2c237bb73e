using System;
using System.IO;
using System.Linq;
using OAuthGen.Testing;
using Xunit;

namespace OAuthGen.Tests.RealWorld
{
    /// <summary>Nothing in the catalogue goes untested or undocumented.</summary>
    public sealed class CatalogueCoverageTests
    {
        [Fact]
        public void The_catalogue_holds_the_providers_of_the_issue_that_today_s_attribute_can_express()
        {
            Assert.True(CatalogueTypes.Providers.Count >= 52, CatalogueTypes.Providers.Count + " providers");
        }

        [Fact]
        public void Every_provider_class_has_an_emulator_data_file_and_every_data_file_a_class()
        {
            var classes = CatalogueTypes.Providers.Select(type => type.Name).ToArray();
            var files = Directory.GetFiles(Repository.PathOf("tests", "OAuthGen.Tests", "RealWorld", "Catalogue"), "*.json")
                .Select(Path.GetFileNameWithoutExtension)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();

            Assert.Equal(classes, files);
            foreach (var name in classes)
            {
                Assert.Equal(name, CatalogueData.Load(name).Provider);
            }
        }

        [Fact]
        public void Every_provider_class_has_one_row_in_docs_providers_md()
        {
            var rows = File.ReadAllLines(Repository.PathOf("docs", "providers.md"))
                .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
                .Select(line => line.Split('`')[1])
                .ToArray();

            Assert.Equal(CatalogueTypes.Providers.Select(type => type.Name), rows.OrderBy(name => name, StringComparer.Ordinal));
        }

        [Fact]
        public void Every_provider_cites_its_documentation()
        {
            var missing = CatalogueTypes.Providers
                .Where(type => !File.ReadAllText(Repository.PathOf("src", "Runtime", "Providers", type.Name + ".cs")).Contains("<see href=\"https://", StringComparison.Ordinal))
                .Select(type => type.Name);

            Assert.Empty(missing);
        }
    }
}
