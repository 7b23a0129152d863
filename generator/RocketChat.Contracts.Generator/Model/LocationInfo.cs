using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RocketChat.Contracts.Generator.Model
{
    /// <summary>A place in a contract file, kept as plain values so the model stays equatable.</summary>
    internal sealed record LocationInfo(string FilePath, int Offset, int Length, int Line, int Column)
    {
        /// <summary>Line and column are zero-based, as Roslyn expects.</summary>
        public Location ToLocation() =>
            Location.Create(
                FilePath,
                new TextSpan(Offset, Length),
                new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(Line, Column + Length)));
    }
}
