using Microsoft.CodeAnalysis;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// What the declaration reader found wrong: the diagnostic the analyzers report for it. Never part of a pipeline
    /// model (it holds a location), so the generator drops it and keeps only the spec.
    /// </summary>
    internal sealed class Problem
    {
        public Problem(DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
        {
            Descriptor = descriptor;
            Location = location;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Location Location { get; }

        public object?[] Arguments { get; }

        /// <summary>Whether the generator skips the declaration because of it.</summary>
        public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

        public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, Arguments);
    }
}
