using System;

namespace OAuthGen.Tests.Fuzzing
{
    // A provider with a typed token whose generated factory reads one field of every supported type.
    [OAuthProvider("https://fuzz.example/token", TokenType = typeof(FuzzToken))]
    public partial class FuzzAuth { }

    public partial class FuzzToken : OAuthToken
    {
        [OAuthField("s")] public string? S { get; set; }

        [OAuthField("b")] public bool? B { get; set; }

        [OAuthField("i")] public int? I { get; set; }

        [OAuthField("l")] public long? L { get; set; }

        [OAuthField("d")] public double? D { get; set; }

        [OAuthField("t")] public TimeSpan? T { get; set; }

        [OAuthField("at")] public DateTimeOffset? At { get; set; }

        [OAuthField("list")] public string[]? List { get; set; }

        [OAuthField("n")] public int N { get; set; }
    }
}
