using System.Collections.Generic;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>Small accessors over YamlDotNet's representation model.</summary>
    internal static class YamlNodes
    {
        public static YamlNode? Get(this YamlNode? node, string key)
        {
            if (node is YamlMappingNode mapping)
            {
                foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
                {
                    if (pair.Key is YamlScalarNode scalar && scalar.Value == key)
                    {
                        return pair.Value;
                    }
                }
            }

            return null;
        }

        /// <summary>The key node of <paramref name="key"/>, for pointing a diagnostic at the key rather than its value.</summary>
        public static YamlNode? GetKey(this YamlNode? node, string key)
        {
            if (node is YamlMappingNode mapping)
            {
                foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
                {
                    if (pair.Key is YamlScalarNode scalar && scalar.Value == key)
                    {
                        return scalar;
                    }
                }
            }

            return null;
        }

        public static string? GetString(this YamlNode? node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

        public static bool GetBool(this YamlNode? node, string key) =>
            node.Get(key) is YamlScalarNode scalar && string.Equals(scalar.Value, "true", System.StringComparison.OrdinalIgnoreCase);

        public static YamlMappingNode? GetMapping(this YamlNode? node, string key) => node.Get(key) as YamlMappingNode;

        public static YamlSequenceNode? GetSequence(this YamlNode? node, string key) => node.Get(key) as YamlSequenceNode;

        /// <summary>Key/value pairs of a mapping whose keys are scalars, in document order.</summary>
        public static IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries(this YamlNode? node)
        {
            if (node is YamlMappingNode mapping)
            {
                foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
                {
                    if (pair.Key is YamlScalarNode key && key.Value != null)
                    {
                        yield return (key, pair.Value);
                    }
                }
            }
        }

        public static LocationInfo Locate(this YamlNode node, string path, LineMap lines)
        {
            int length = node is YamlScalarNode && node.End.Line == node.Start.Line
                ? System.Math.Max(1, (int)(node.End.Index - node.Start.Index))
                : 1;
            int line = (int)node.Start.Line - 1, column = (int)node.Start.Column - 1;
            return new LocationInfo(path, lines.Offset(line, column), length, line, column);
        }
    }
}
