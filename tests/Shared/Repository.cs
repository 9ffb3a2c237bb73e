using System;
using System.IO;

namespace OAuthGen.Testing
{
    /// <summary>The repository this test assembly was built from (the folder with OAuthGen.sln).</summary>
    internal static class Repository
    {
        public static string Root { get; } = FindRoot();

        public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "OAuthGen.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("OAuthGen.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
