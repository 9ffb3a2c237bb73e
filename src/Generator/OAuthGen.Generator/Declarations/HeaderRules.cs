using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using OAuthGen.Generator.Diagnostics;
using OAuthGen.Generator.Linked;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// OAUTH047: an <c>[OAuthHeader]</c> value must read as the runtime reads it (<see cref="HeaderValueTemplate"/>,
    /// linked from the runtime): text, <c>{client_id}</c>, and doubled braces. Anything else is an Error, and the class is
    /// skipped, since the runtime would refuse the provider's description at start-up.
    /// </summary>
    internal static class HeaderRules
    {
        public static void Check(INamedTypeSymbol type, ImmutableArray<Problem>.Builder problems, CancellationToken cancellationToken)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (!RuntimeSymbols.IsAttribute(attribute, KnownNames.HeaderAttribute)
                    || attribute.ConstructorArguments.Length != 2
                    || attribute.ConstructorArguments[0].Value is not string name
                    || attribute.ConstructorArguments[1].Value is not string value
                    || !HeaderValueTemplate.HasBraces(value)
                    || HeaderValueTemplate.Parse(value, out _) is not { } problem)
                {
                    continue;
                }

                var arguments = new AttributeArguments(attribute, cancellationToken);
                problems.Add(new Problem(
                    DiagnosticDescriptors.MalformedHeaderValue,
                    arguments.LocationOf(arguments.ConstructorExpression(1, KnownNames.ValueParameter)),
                    name,
                    type.Name,
                    problem));
            }
        }
    }
}
