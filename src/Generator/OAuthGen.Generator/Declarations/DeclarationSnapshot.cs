using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// A compilation as far as its declarations go: what <see cref="DeclarationReader"/> can see. Two snapshots compare
    /// equal when every syntax tree is the same or equivalent at the top level (the compiler's own notion: method bodies and
    /// the initializers of non-const fields and properties ignored, everything else compared token by token), the
    /// preprocessor directives are the same (<c>#nullable</c> changes what a field's type means, and trivia is not compared
    /// at the top level), and the parse options, compilation options, references and assembly name are the same. Nothing a
    /// reading depends on can differ between two such compilations, so a keystroke in a method body anywhere reads nothing
    /// again, where <c>ForAttributeWithMetadataName</c> would run its transform again for every attributed class.
    /// </summary>
    /// <remarks>
    /// The compilation is held weakly: the pipeline keeps the snapshot of the last compilation whose declarations changed
    /// (an equal newer one is dropped, the older one kept), and that must not pin a whole compilation in the IDE. It is read
    /// in the pass that made the snapshot, while the driver holds the compilation; a snapshot whose compilation is gone
    /// compares unequal to any other, so the next pass reads again rather than never.
    /// </remarks>
    internal sealed class DeclarationSnapshot
    {
        private readonly WeakReference<Compilation> _compilation;
        private readonly ImmutableArray<SyntaxTree> _trees;
        private readonly ImmutableArray<MetadataReference> _references;
        private readonly CompilationOptions _options;
        private readonly string? _assemblyName;

        public DeclarationSnapshot(Compilation compilation)
        {
            _compilation = new WeakReference<Compilation>(compilation);
            _trees = ImmutableArray.CreateRange(compilation.SyntaxTrees);
            _references = ImmutableArray.CreateRange(compilation.References);
            _options = compilation.Options;
            _assemblyName = compilation.AssemblyName;
        }

        /// <summary>Compares two snapshots as described on <see cref="DeclarationSnapshot"/>.</summary>
        public static IEqualityComparer<DeclarationSnapshot> SameDeclarations { get; } = new Comparer();

        /// <summary>The compilation this snapshot was taken of, while anything else still holds it.</summary>
        public bool TryGetCompilation(out Compilation compilation) => _compilation.TryGetTarget(out compilation!);

        /// <summary>What the garbage collector does to a snapshot nothing else holds the compilation of; for tests.</summary>
        internal void Release() => _compilation.SetTarget(null!);

        private bool SameDeclarationsAs(DeclarationSnapshot other)
        {
            if (!TryGetCompilation(out var mine) || !other.TryGetCompilation(out var theirs))
            {
                return false;
            }

            if (ReferenceEquals(mine, theirs))
            {
                return true;
            }

            if (!string.Equals(_assemblyName, other._assemblyName, StringComparison.Ordinal)
                || !_options.Equals(other._options)
                || _references.Length != other._references.Length
                || _trees.Length != other._trees.Length)
            {
                return false;
            }

            for (var i = 0; i < _references.Length; i++)
            {
                if (!ReferenceEquals(_references[i], other._references[i]))
                {
                    return false;
                }
            }

            for (var i = 0; i < _trees.Length; i++)
            {
                if (!SameTopLevel(_trees[i], other._trees[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameTopLevel(SyntaxTree before, SyntaxTree after)
        {
            if (ReferenceEquals(before, after))
            {
                return true;
            }

            if (!string.Equals(before.FilePath, after.FilePath, StringComparison.Ordinal)
                || !before.Options.Equals(after.Options)
                || !before.IsEquivalentTo(after, topLevel: true))
            {
                return false;
            }

            return SameDirectives(before.GetRoot(), after.GetRoot());
        }

        private static bool SameDirectives(SyntaxNode before, SyntaxNode after)
        {
            if (!before.ContainsDirectives && !after.ContainsDirectives)
            {
                return true;
            }

            using var beforeDirectives = Directives(before).GetEnumerator();
            using var afterDirectives = Directives(after).GetEnumerator();
            while (true)
            {
                var more = beforeDirectives.MoveNext();
                if (more != afterDirectives.MoveNext())
                {
                    return false;
                }

                if (!more)
                {
                    return true;
                }

                if (!beforeDirectives.Current.IsEquivalentTo(afterDirectives.Current))
                {
                    return false;
                }
            }
        }

        private static IEnumerable<SyntaxTrivia> Directives(SyntaxNode root)
        {
            foreach (var trivia in root.DescendantTrivia(node => node.ContainsDirectives, descendIntoTrivia: false))
            {
                if (trivia.IsDirective)
                {
                    yield return trivia;
                }
            }
        }

        private sealed class Comparer : IEqualityComparer<DeclarationSnapshot>
        {
            public bool Equals(DeclarationSnapshot? x, DeclarationSnapshot? y) =>
                ReferenceEquals(x, y) || (x is not null && y is not null && x.SameDeclarationsAs(y));

            // Equality is only ever asked of a snapshot and its predecessor; a constant hash keeps it consistent.
            public int GetHashCode(DeclarationSnapshot obj) => 0;
        }
    }
}
