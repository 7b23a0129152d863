using System.Linq;
using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Model
{
    /// <summary>A diagnostic waiting to be reported: descriptor id, location and message arguments, all equatable.</summary>
    internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> Arguments)
    {
        public Diagnostic ToDiagnostic()
        {
            DiagnosticDescriptor descriptor = Diagnostics.DiagnosticDescriptors.ById(DescriptorId);
            return Diagnostic.Create(
                descriptor,
                Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
                Arguments.Cast<object>().ToArray());
        }
    }
}
