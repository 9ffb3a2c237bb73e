using System.IO;

namespace OAuthGen.Tests.Infrastructure
{
    internal static class SeedSource
    {
        /// <summary>The text of Seeds/SeedDeclarations.cs, the same declarations the test project compiles.</summary>
        public static string Declarations { get; } = Read("SeedDeclarations.cs");

        private static string Read(string name)
        {
            using var stream = typeof(SeedSource).Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
