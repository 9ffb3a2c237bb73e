using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Security
{
    /// <summary>The small text helpers every shown text goes through: printable one-line text, and a network failure with its causes.</summary>
    public class RedactionTextTests
    {
        [Theory]
        [InlineData("abc\u0001def\r\n", 10, "abc def")]
        [InlineData("  padded  ", 10, "padded")]
        [InlineData("0123456789", 10, "0123456789")]
        [InlineData("0123456789X", 10, "0123456789…")]
        [InlineData("", 10, "")]
        public void Printable_text_is_one_line_cut_at_its_limit_with_an_ellipsis(string text, int maxLength, string printable)
        {
            Assert.Equal(printable, Redaction.Printable(text, maxLength));
        }

        [Fact]
        public void An_excerpt_is_at_most_256_printable_characters_and_an_ellipsis()
        {
            var body = System.Text.Encoding.UTF8.GetBytes("{\"error\":\"x\",\"error_description\":\"" + new string('d', 1000) + "\"}");

            var excerpt = Redaction.Excerpt(body, body.Length, Array.Empty<string>());

            Assert.Equal(257, excerpt.Length);
            Assert.EndsWith("d…", excerpt);
        }

        [Fact]
        public void A_network_failure_says_its_causes_once_each_up_to_four_levels_deep()
        {
            Exception failure = new IOException("level 6.");
            for (var level = 5; level >= 2; level--)
            {
                failure = new IOException("level " + level + ".", failure);
            }

            failure = new HttpRequestException("An error occurred while sending the request.", new IOException("An error occurred while sending the request.", failure));

            Assert.Equal("An error occurred while sending the request. (level 2) (level 3) (level 4)", FailureText.Of(failure));
        }

        [Fact]
        public void A_network_failure_without_causes_is_its_own_message_made_printable()
        {
            Assert.Equal("Connection reset  by peer", FailureText.Of(new IOException("Connection reset\r\nby peer")));
            Assert.Equal("outer", FailureText.Of(new IOException("outer", new IOException(""))));
        }
    }
}
