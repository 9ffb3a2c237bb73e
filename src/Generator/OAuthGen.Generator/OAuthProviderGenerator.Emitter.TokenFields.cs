using System.Collections.Generic;
using System.Globalization;
using OAuthGen.Generator.Model;

namespace OAuthGen.Generator
{
    public sealed partial class OAuthProviderGenerator
    {
        internal sealed partial class Emitter
        {
            private const string TokenFieldSetName = "s_tokenFields";

            /// <summary>
            /// The token type's <c>[OAuthField]</c>s as a <c>TokenFieldSet</c>: their JSON names, whose values the runtime
            /// captures in its one reading pass, and the factory that converts each by index (the same lenient
            /// conversions as <c>TokenFieldReader</c>). Two properties of one JSON name share its index.
            /// </summary>
            private void WriteTokenFieldSet(TokenTypeSpec tokenType)
            {
                var set = RuntimeNamespace + "Infrastructure.TokenFieldSet<" + tokenType.FullyQualifiedName + ">";
                var names = new List<string>();
                var indexes = new List<int>();
                foreach (var field in tokenType.Fields)
                {
                    var index = names.IndexOf(field.JsonName);
                    if (index < 0)
                    {
                        index = names.Count;
                        names.Add(field.JsonName);
                    }

                    indexes.Add(index);
                }

                var literals = new List<string>();
                foreach (var name in names)
                {
                    literals.Add(Literal(name));
                }

                _writer.Line("private static readonly " + set + " " + TokenFieldSetName + " = new " + set + "(");
                _writer.Indent();
                _writer.Line("new string[] { " + string.Join(", ", literals) + " },");
                _writer.Line("fields => new " + tokenType.FullyQualifiedName);
                _writer.Line("{");
                _writer.Indent();
                var i = 0;
                foreach (var field in tokenType.Fields)
                {
                    _writer.Line(field.PropertyName + " = " + CapturedFieldReader(field, indexes[i++]) + ",");
                }

                _writer.Outdent();
                _writer.Line("});");
                _writer.Outdent();
                _writer.Line();
            }

            private static string CapturedFieldReader(TokenFieldSpec field, int index)
            {
                var read = "fields.Get" + field.Kind + "(" + index.ToString(CultureInfo.InvariantCulture) + ")";
                return field.Nullability switch
                {
                    TokenFieldNullability.ValueDefault => read + ".GetValueOrDefault()",
                    TokenFieldNullability.ReferenceEmpty when field.Kind == TokenFieldKind.StringArray => read + " ?? global::System.Array.Empty<string>()",
                    TokenFieldNullability.ReferenceEmpty => read + " ?? string.Empty",
                    _ => read,
                };
            }
        }
    }
}
