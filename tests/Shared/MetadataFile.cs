using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OAuthGen.Testing
{
    /// <summary>
    /// A metadata document as a project holds it: an AdditionalFiles item at <c>/docs/{fileName}</c>, bound to a provider
    /// class by its OAuthGenProvider item metadata when <see cref="BoundTo"/> is not null, as the build passes it to the
    /// compiler (<c>build_metadata.AdditionalFiles.OAuthGenProvider</c>, made visible by build/OAuthGen.props).
    /// </summary>
    internal sealed class MetadataFile
    {
        public const string BindingKey = "build_metadata.AdditionalFiles.OAuthGenProvider";

        public MetadataFile(string fileName, string text, string? boundTo)
        {
            Path = "/docs/" + fileName;
            Content = text;
            BoundTo = boundTo;
        }

        public string Path { get; }

        public string Content { get; }

        public string? BoundTo { get; }

        public MetadataFile WithText(string text) => new MetadataFile(Path.Substring("/docs/".Length), text, BoundTo);

        /// <summary>The file as the compiler sees it.</summary>
        public sealed class Text : AdditionalText
        {
            private readonly MetadataFile _file;

            public Text(MetadataFile file)
            {
                _file = file;
            }

            public override string Path => _file.Path;

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_file.Content);
        }

        /// <summary>The item metadata of each file, and nothing else.</summary>
        public sealed class Options : AnalyzerConfigOptionsProvider
        {
            private readonly Dictionary<string, string> _boundTo;

            public Options(IEnumerable<MetadataFile> files)
            {
                _boundTo = files.Where(file => file.BoundTo is not null).ToDictionary(file => file.Path, file => file.BoundTo!, StringComparer.Ordinal);
            }

            public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(null);

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(null);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
                new Values(_boundTo.TryGetValue(textFile.Path, out var boundTo) ? boundTo : null);

            private sealed class Values : AnalyzerConfigOptions
            {
                private readonly string? _boundTo;

                public Values(string? boundTo)
                {
                    _boundTo = boundTo;
                }

                public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
                {
                    value = key == BindingKey ? _boundTo : null;
                    return value is not null;
                }
            }
        }
    }
}
