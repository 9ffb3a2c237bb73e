using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OAuthGen.Generator.Linked;
using OAuthGen.Generator.Model;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// Finds every <c>[OAuthProvider]</c> class of a <see cref="DeclarationSnapshot"/> and reads it, as
    /// <c>ForAttributeWithMetadataName</c> would: a syntactic pass over the declarations (never into member bodies) keeps
    /// the classes with an attribute that can name the provider attribute (its name, with or without the suffix, or any
    /// alias of it), and only those are bound. Each declaration that carries the attribute is read on its own, with the
    /// attribute written on it.
    /// </summary>
    internal static class ProviderDiscovery
    {
        private const string ShortName = "OAuthProvider";
        private const string FullName = nameof(OAuthProviderAttribute);

        public static ImmutableArray<ProviderSpec> ReadAll(DeclarationSnapshot snapshot, EquatableArray<MetadataDocument> documents, CancellationToken cancellationToken)
        {
            if (!snapshot.TryGetCompilation(out var compilation))
            {
                // Cannot happen in the pass that took the snapshot; if it ever did, the next pass reads again (see DeclarationSnapshot).
                return ImmutableArray<ProviderSpec>.Empty;
            }

            var names = AttributeNames(compilation, cancellationToken);
            var bindable = documents.ToImmutableArray();
            var specs = ImmutableArray.CreateBuilder<ProviderSpec>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var declaration in Candidates(tree.GetRoot(cancellationToken), names))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    model ??= compilation.GetSemanticModel(tree);
                    if (Read(model, declaration, compilation, bindable, cancellationToken) is { } spec)
                    {
                        specs.Add(spec);
                    }
                }
            }

            return specs.ToImmutable();
        }

        private static ProviderSpec? Read(SemanticModel model, TypeDeclarationSyntax declaration, Compilation compilation, ImmutableArray<MetadataDocument> documents, CancellationToken cancellationToken)
        {
            try
            {
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
                {
                    return null;
                }

                foreach (var attribute in type.GetAttributes())
                {
                    if (RuntimeSymbols.IsAttribute(attribute, KnownNames.ProviderAttribute)
                        && attribute.ApplicationSyntaxReference is { } application
                        && application.SyntaxTree == declaration.SyntaxTree
                        && declaration.Span.Contains(application.Span))
                    {
                        return DeclarationReader.Read(type, attribute, declaration, compilation, cancellationToken, documents).Spec;
                    }
                }

                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug here must not fail the user's build (CS8785); the analyzers, running the same reader, show it as AD0001.
                return null;
            }
        }

        /// <summary>The class and record declarations of <paramref name="root"/> with an attribute one of <paramref name="names"/> may bind to.</summary>
        private static IEnumerable<TypeDeclarationSyntax> Candidates(SyntaxNode root, HashSet<string> names)
        {
            var pending = new Stack<SyntaxNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                var members = node switch
                {
                    CompilationUnitSyntax unit => unit.Members,
                    BaseNamespaceDeclarationSyntax ns => ns.Members,
                    TypeDeclarationSyntax type => type.Members,
                    _ => default,
                };

                if (node is ClassDeclarationSyntax or RecordDeclarationSyntax && HasCandidateAttribute((TypeDeclarationSyntax)node, names))
                {
                    yield return (TypeDeclarationSyntax)node;
                }

                for (var i = members.Count - 1; i >= 0; i--)
                {
                    if (members[i] is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                    {
                        pending.Push(members[i]);
                    }
                }
            }
        }

        private static bool HasCandidateAttribute(TypeDeclarationSyntax declaration, HashSet<string> names)
        {
            foreach (var list in declaration.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (names.Contains(RightmostName(attribute.Name)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The attribute's own names and every alias declared for it anywhere in the compilation.</summary>
        private static HashSet<string> AttributeNames(Compilation compilation, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal) { ShortName, FullName };
            foreach (var tree in compilation.SyntaxTrees)
            {
                var root = tree.GetRoot(cancellationToken);
                foreach (var directive in Usings(root))
                {
                    if (directive.Alias is { } alias && names.Contains(RightmostName(directive.Name)))
                    {
                        names.Add(alias.Name.Identifier.ValueText);
                    }
                }
            }

            return names;
        }

        private static IEnumerable<UsingDirectiveSyntax> Usings(SyntaxNode root)
        {
            var pending = new Stack<SyntaxNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                SyntaxList<UsingDirectiveSyntax> usings;
                SyntaxList<MemberDeclarationSyntax> members;
                switch (node)
                {
                    case CompilationUnitSyntax unit:
                        usings = unit.Usings;
                        members = unit.Members;
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        usings = ns.Usings;
                        members = ns.Members;
                        break;
                    default:
                        continue;
                }

                foreach (var directive in usings)
                {
                    yield return directive;
                }

                foreach (var member in members)
                {
                    if (member is BaseNamespaceDeclarationSyntax)
                    {
                        pending.Push(member);
                    }
                }
            }
        }

        private static string RightmostName(NameSyntax? name) => name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
    }
}
