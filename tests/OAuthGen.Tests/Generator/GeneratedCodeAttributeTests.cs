using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OAuthGen.Generator;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Generator
{
    /// <summary>What the emitter writes around the members: [GeneratedCode] and the arguments it leaves to their defaults.</summary>
    public sealed class GeneratedCodeAttributeTests
    {
        [Fact]
        public void GeneratedCode_carries_the_generator_assembly_version_on_every_member_and_never_on_the_partial_class()
        {
            var result = GeneratorHarness.Run(SeedSource.Declarations);
            var version = typeof(OAuthProviderGenerator).Assembly.GetName().Version!.ToString();

            foreach (var source in result.Sources)
            {
                var root = source.SyntaxTree.GetRoot();
                // On the class it would cover the user's part too, and analyzers skip generated code.
                Assert.All(root.DescendantNodes().OfType<ClassDeclarationSyntax>(), type => Assert.Empty(type.AttributeLists));
                var members = root.DescendantNodes().OfType<MemberDeclarationSyntax>()
                    .Where(member => member is MethodDeclarationSyntax or PropertyDeclarationSyntax or ConstructorDeclarationSyntax)
                    .ToArray();
                Assert.NotEmpty(members);
                foreach (var member in members)
                {
                    // The signature a method had before per-call parameters is kept beside it, hidden from IntelliSense.
                    var attribute = Assert.Single(member.AttributeLists.SelectMany(list => list.Attributes), attribute => !attribute.ToString().StartsWith("global::System.ComponentModel.EditorBrowsable(", StringComparison.Ordinal));
                    Assert.Equal("global::System.CodeDom.Compiler.GeneratedCodeAttribute(\"OAuthGen.Generator\", \"" + version + "\")", attribute.ToString());
                }
            }
        }

        [Theory]
        [InlineData("grants", nameof(OAuthProviderAttribute.Grants))]
        [InlineData("clientAuth", nameof(OAuthProviderAttribute.ClientAuth))]
        [InlineData("body", nameof(OAuthProviderAttribute.Body))]
        [InlineData("basicEncoding", nameof(OAuthProviderAttribute.BasicEncoding))]
        [InlineData("scopeRequired", nameof(OAuthProviderAttribute.ScopeRequired))]
        [InlineData("usePkce", nameof(OAuthProviderAttribute.UsePkce))]
        public void An_argument_the_emitter_leaves_out_defaults_to_what_the_attribute_defaults_to(string parameterName, string propertyName)
        {
            // The emitter omits an OAuthProviderInfo argument equal to the attribute's default; both must agree.
            var parameter = typeof(OAuthProviderInfo).GetConstructors().Single().GetParameters().Single(p => p.Name == parameterName);
            var attributeDefault = typeof(OAuthProviderAttribute).GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance)!.GetValue(new OAuthProviderAttribute());

            Assert.True(parameter.HasDefaultValue);
            Assert.Equal(attributeDefault, parameter.DefaultValue is int number && parameter.ParameterType.IsEnum ? System.Enum.ToObject(parameter.ParameterType, number) : parameter.DefaultValue);
        }
    }
}
