using System;
using System.ComponentModel;
using System.Text;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// The <see cref="OAuthFieldAttribute"/> fields of one token type, as its generated client declares them: their
    /// JSON names, whose values the reader captures in its one pass over the answer (no dictionary built first), and
    /// how a token is made from those values. Called by generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class TokenFieldSet
    {
        private readonly string[] _names;
        private readonly byte[][] _utf8Names;

        private protected TokenFieldSet(string[] names)
        {
            _names = names ?? throw new ArgumentNullException(nameof(names));
            _utf8Names = new byte[names.Length][];
            for (var i = 0; i < names.Length; i++)
            {
                _utf8Names[i] = Encoding.UTF8.GetBytes(names[i]);
            }
        }

        internal int Count => _names.Length;

        internal string NameAt(int index) => _names[index];

        /// <summary>The index of the field named <paramref name="name"/> (ordinal, as a dictionary lookup by name), or -1.</summary>
        internal int IndexOf(ReadOnlySpan<byte> name)
        {
            for (var i = 0; i < _utf8Names.Length; i++)
            {
                if (name.SequenceEqual(new ReadOnlySpan<byte>(_utf8Names[i])))
                {
                    return i;
                }
            }

            return -1;
        }

        internal int IndexOf(string name) => Array.IndexOf(_names, name);
    }

    /// <summary>
    /// A <see cref="TokenFieldSet{TToken}"/> seen as one of a base token type, as a generated client's
    /// <c>IClientCredentialsTokenClient</c> implementation passes it for <see cref="OAuthToken"/>. Called by generated code.
    /// </summary>
    /// <typeparam name="TToken">The token type, or a base of it.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface ITokenFieldSet<out TToken>
        where TToken : OAuthToken
    {
        /// <summary>The fields' names.</summary>
        TokenFieldSet Fields { get; }

        /// <summary>Makes the token from the captured values.</summary>
        TToken Create(TokenFieldValues values);
    }

    /// <summary>The fields of <typeparamref name="TToken"/> and its factory.</summary>
    /// <typeparam name="TToken">The token type.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class TokenFieldSet<TToken> : TokenFieldSet, ITokenFieldSet<TToken>
        where TToken : OAuthToken
    {
        private readonly Func<TokenFieldValues, TToken> _create;

        /// <summary>Declares the fields named <paramref name="names"/> (JSON names); <paramref name="create"/> reads them by index.</summary>
        public TokenFieldSet(string[] names, Func<TokenFieldValues, TToken> create)
            : base(names)
        {
            _create = create ?? throw new ArgumentNullException(nameof(create));
        }

        TokenFieldSet ITokenFieldSet<TToken>.Fields => this;

        TToken ITokenFieldSet<TToken>.Create(TokenFieldValues values) => _create(values);
    }

    /// <summary>
    /// The captured values of a <see cref="TokenFieldSet"/>, read by index with the same lenient conversions as
    /// <see cref="TokenFieldReader"/>: a field that is absent or null reads as null. Called by generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class TokenFieldValues
    {
        private static readonly FieldValue[] NoValues = new FieldValue[0];

        private readonly TokenFieldSet _fields;
        private readonly FieldValue[] _values;

        internal TokenFieldValues(TokenFieldSet fields, FieldValue[]? values)
        {
            _fields = fields;
            _values = values ?? NoValues;
        }

        /// <summary>Reads a string; numbers and booleans as their JSON text.</summary>
        public string? GetString(int index) => TokenFieldReader.ReadString(At(index), _fields.NameAt(index));

        /// <summary>Reads <c>true</c>/<c>false</c>, as JSON, a string, or 1/0.</summary>
        public bool? GetBoolean(int index) => TokenFieldReader.ReadBoolean(At(index), _fields.NameAt(index));

        /// <summary>Reads a 32-bit integer, as a JSON number or a string.</summary>
        public int? GetInt32(int index) => TokenFieldReader.ReadInt32(At(index), _fields.NameAt(index));

        /// <summary>Reads a 64-bit integer, as a JSON number or a string.</summary>
        public long? GetInt64(int index) => TokenFieldReader.ReadInt64(At(index), _fields.NameAt(index));

        /// <summary>Reads a floating-point number, as a JSON number or a string.</summary>
        public double? GetDouble(int index) => TokenFieldReader.ReadDouble(At(index), _fields.NameAt(index));

        /// <summary>Reads a duration in seconds, as a JSON number or a string.</summary>
        public TimeSpan? GetTimeSpan(int index) => TokenFieldReader.ReadTimeSpan(At(index), _fields.NameAt(index));

        /// <summary>Reads a point in time: epoch seconds or milliseconds (a number or a string), or ISO 8601.</summary>
        public DateTimeOffset? GetDateTimeOffset(int index) => TokenFieldReader.ReadDateTimeOffset(At(index), _fields.NameAt(index));

        /// <summary>Reads a list of strings: a JSON array or a space-delimited string.</summary>
        public string[]? GetStringArray(int index) => TokenFieldReader.ReadStringArray(At(index), _fields.NameAt(index));

        private FieldValue At(int index) => index < _values.Length ? _values[index] : default;
    }
}
