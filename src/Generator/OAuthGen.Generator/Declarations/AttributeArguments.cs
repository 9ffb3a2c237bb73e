using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// An attribute's values (from its <see cref="AttributeData"/>) beside the syntax that wrote them, so diagnostics can
    /// point at the argument at fault. Read defensively: half-written attributes give nulls, never exceptions. The one
    /// reader of attribute arguments, for the declaration reader and the analyzers.
    /// </summary>
    internal sealed class AttributeArguments
    {
        private readonly AttributeData _data;

        public AttributeArguments(AttributeData data, CancellationToken cancellationToken)
        {
            _data = data;
            Syntax = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        }

        public AttributeSyntax? Syntax { get; }

        /// <summary>The whole attribute: the fallback location when no argument can be found.</summary>
        public Location Location => Syntax?.GetLocation() ?? Location.None;

        /// <summary>The string value of constructor argument <paramref name="index"/>, or null.</summary>
        public string? ConstructorString(int index) =>
            index < _data.ConstructorArguments.Length
            && _data.ConstructorArguments[index] is { Kind: not TypedConstantKind.Error and not TypedConstantKind.Array } argument
                ? argument.Value as string
                : null;

        /// <summary>Whether constructor argument <paramref name="index"/> was bound (its value may still be null).</summary>
        public bool HasConstructorArgument(int index) =>
            index < _data.ConstructorArguments.Length && _data.ConstructorArguments[index].Kind != TypedConstantKind.Error;

        /// <summary>The expression written for the constructor parameter <paramref name="parameterName"/> at <paramref name="index"/>.</summary>
        public ExpressionSyntax? ConstructorExpression(int index, string parameterName)
        {
            if (Syntax?.ArgumentList is not { } list)
            {
                return null;
            }

            var position = 0;
            foreach (var argument in list.Arguments)
            {
                if (argument.NameEquals is not null)
                {
                    continue;
                }

                if (argument.NameColon is { } nameColon)
                {
                    if (nameColon.Name.Identifier.ValueText == parameterName)
                    {
                        return argument.Expression;
                    }
                }
                else if (position == index)
                {
                    return argument.Expression;
                }

                position++;
            }

            return null;
        }

        /// <summary>The first named argument <paramref name="name"/> (a property set in the attribute), if bound.</summary>
        public bool TryGetNamed(string name, out TypedConstant value)
        {
            foreach (var argument in _data.NamedArguments)
            {
                if (argument.Key == name)
                {
                    value = argument.Value;
                    return argument.Value.Kind != TypedConstantKind.Error;
                }
            }

            value = default;
            return false;
        }

        /// <summary>Whether the attribute sets property <paramref name="name"/> at all, bound or not.</summary>
        public bool Sets(string name) => NamedArgument(name) is not null;

        public string? NamedString(string name) => TryGetNamed(name, out var value) ? value.Value as string : null;

        /// <summary>The enum value of property <paramref name="name"/>: the default when it is not set, null when it is set to something that does not bind.</summary>
        public TEnum? NamedEnum<TEnum>(string name, TEnum defaultValue)
            where TEnum : struct, Enum
        {
            if (!Sets(name))
            {
                return defaultValue;
            }

            // Unboxing the underlying int as the enum is what a cast from int does.
            return TryGetNamed(name, out var value) && value.Kind == TypedConstantKind.Enum && value.Value is int number ? (TEnum)(object)number : null;
        }

        public bool? NamedBoolean(string name, bool defaultValue)
        {
            if (!Sets(name))
            {
                return defaultValue;
            }

            return TryGetNamed(name, out var value) && value.Value is bool flag ? flag : null;
        }

        /// <summary>The syntax of the named argument <c>Name = value</c>.</summary>
        public AttributeArgumentSyntax? NamedArgument(string name)
        {
            if (Syntax?.ArgumentList is not { } list)
            {
                return null;
            }

            foreach (var argument in list.Arguments)
            {
                if (argument.NameEquals is { } nameEquals && nameEquals.Name.Identifier.ValueText == name)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>Where to report about a value: its expression, or the whole attribute.</summary>
        public Location LocationOf(SyntaxNode? node) => node?.GetLocation() ?? Location;

        /// <summary>
        /// The identifier <paramref name="memberName"/> inside the value of named argument <paramref name="argumentName"/>
        /// (the <c>Password</c> of <c>Grants = OAuthGrant.Password | OAuthGrant.RefreshToken</c>), else the whole value.
        /// </summary>
        public Location LocationOfMember(string argumentName, string memberName)
        {
            var expression = NamedArgument(argumentName)?.Expression;
            if (expression is null)
            {
                return Location;
            }

            foreach (var node in expression.DescendantNodesAndSelf())
            {
                if (node is IdentifierNameSyntax identifier && string.Equals(identifier.Identifier.ValueText, memberName, StringComparison.Ordinal))
                {
                    return node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access.GetLocation() : node.GetLocation();
                }
            }

            return expression.GetLocation();
        }
    }
}
