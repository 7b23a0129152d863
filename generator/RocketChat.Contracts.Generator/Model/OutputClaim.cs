using System;
using System.Collections.Immutable;
using System.Linq;

namespace RocketChat.Contracts.Generator.Model
{
    /// <summary>
    /// A contract's claim on its generated files, named after its namespace and client name. Two contracts with the
    /// same claim would produce the same files (CS8785, and no code at all), so they are reported instead.
    /// </summary>
    internal sealed record OutputClaim(string HintPrefix, string SourcePath)
    {
        /// <summary>The claims shared by more than one contract; empty (and equal run to run) in the usual case.</summary>
        public static EquatableArray<OutputClaim> Collisions(ImmutableArray<OutputClaim> claims) => claims
            .GroupBy(c => c.HintPrefix, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g)
            .ToEquatableArray();
    }
}
