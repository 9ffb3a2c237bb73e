using System;
using System.Text;

namespace OAuthGen.Infrastructure
{
    /// <summary>What a network failure was, in one line: "An error occurred while sending the request" says nothing without its causes.</summary>
    internal static class FailureText
    {
        public static string Of(Exception exception)
        {
            var text = new StringBuilder(Printable(exception.Message));
            var depth = 0;
            for (var inner = exception.InnerException; inner is not null && depth < 4; inner = inner.InnerException, depth++)
            {
                var message = Printable(inner.Message);
                if (message.Length > 0 && text.ToString().IndexOf(message, StringComparison.Ordinal) < 0)
                {
                    text.Append(" (").Append(message.TrimEnd('.')).Append(')');
                }
            }

            return text.ToString();
        }

        private static string Printable(string? message) => Redaction.Printable(message ?? string.Empty, 300);
    }
}
