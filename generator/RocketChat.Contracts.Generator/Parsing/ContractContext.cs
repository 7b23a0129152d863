using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>State shared while one contract is read: its root, the names taken, and the diagnostics found.</summary>
    internal sealed class ContractContext
    {
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();

        private readonly LineMap _lines;

        public ContractContext(string path, YamlMappingNode root, LineMap lines)
        {
            Path = path;
            Root = root;
            _lines = lines;
        }

        public string Path { get; }

        public YamlMappingNode Root { get; }

        public HashSet<string> TypeNames { get; } = new HashSet<string>();

        public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

        public void Report(DiagnosticDescriptor descriptor, YamlNode? at, params string[] arguments)
        {
            _diagnostics.Add(new DiagnosticInfo(descriptor.Id, at?.Locate(Path, _lines), arguments.ToEquatableArray()));
        }

        /// <summary>
        /// The C# name <paramref name="node"/> asks for with <c>x-csharp-name</c>, or <paramref name="derived"/>.
        /// A requested name that is not a plain identifier is reported and ignored.
        /// </summary>
        public string NameFor(YamlNode? node, string derived)
        {
            if (node.GetString("x-csharp-name") is not string requested)
            {
                return derived;
            }

            if (Parsing.Identifiers.IsValidIdentifier(requested))
            {
                return requested;
            }

            Report(Generator.Diagnostics.DiagnosticDescriptors.InvalidNameOverride, node.GetKey("x-csharp-name"), requested, derived);
            return derived;
        }

        /// <summary>Follows a local JSON pointer ("#/components/parameters/offset"); reports when it does not resolve.</summary>
        public YamlNode? ResolvePointer(string reference, YamlNode? referenceNode)
        {
            if (!reference.StartsWith("#/", System.StringComparison.Ordinal))
            {
                if (referenceNode != null)
                {
                    Report(Generator.Diagnostics.DiagnosticDescriptors.ExternalReference, referenceNode, reference);
                }

                return null;
            }

            YamlNode? current = Root;
            foreach (string segment in reference.Substring(2).Split('/'))
            {
                string key = UnescapePointer(segment);
                current = current switch
                {
                    YamlMappingNode mapping => mapping.Get(key),
                    YamlSequenceNode sequence when int.TryParse(key, out int index) && index >= 0 && index < sequence.Children.Count
                        => sequence.Children[index],
                    _ => null,
                };
                if (current == null)
                {
                    break;
                }
            }

            if (current == null && referenceNode != null)
            {
                Report(Generator.Diagnostics.DiagnosticDescriptors.UnresolvedReference, referenceNode, reference);
            }

            return current;
        }

        /// <summary>Follows "$ref" chains on non-schema objects (parameters, responses, request bodies).</summary>
        /// <remarks>
        /// A chain of any length is followed; only a reference met twice is a loop, reported at the $ref that closes it.
        /// (A document has finitely many references, so the walk ends.)
        /// </remarks>
        public YamlNode? Dereference(YamlNode? node)
        {
            // Made only for a chain: most nodes hold no $ref at all.
            HashSet<string>? followed = null;
            while (node.GetString("$ref") is string reference)
            {
                followed ??= new HashSet<string>(System.StringComparer.Ordinal);
                if (!followed.Add(reference))
                {
                    Report(Generator.Diagnostics.DiagnosticDescriptors.CircularReference, node.Get("$ref"), reference);
                    return null;
                }

                node = ResolvePointer(reference, node.Get("$ref"));
            }

            return node;
        }

        public static string UnescapePointer(string segment) =>
            System.Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");
    }
}
