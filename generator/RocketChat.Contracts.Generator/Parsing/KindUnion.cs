using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// A oneOf/anyOf whose alternatives are different JSON kinds (an array or a string, say) needs no discriminator:
    /// the value itself tells which alternative was sent. Such a union is kept as a JsonElement (documented by the
    /// schema's description) instead of being reported as unsupported; the caller reads the kind it finds.
    /// Alternatives of the same kind (two objects) stay unsupported: telling them apart needs a discriminator.
    /// </summary>
    internal static class KindUnion
    {
        public static bool IsKindUnion(YamlNode union, ContractContext context)
        {
            if (union is not YamlSequenceNode alternatives || alternatives.Children.Count < 2)
            {
                return false;
            }

            var kinds = new HashSet<string>();
            foreach (YamlNode alternative in alternatives.Children)
            {
                string? kind = KindOf(alternative, context);
                if (kind == null || !kinds.Add(kind))
                {
                    return false;
                }
            }

            return true;
        }

        private static string? KindOf(YamlNode alternative, ContractContext context)
        {
            YamlNode? schema = alternative;
            if (alternative.GetString("$ref") is string reference && reference.StartsWith("#/", System.StringComparison.Ordinal))
            {
                schema = context.ResolvePointer(reference, null);
            }

            string? type = schema.GetString("type");
            if (type == null && schema.Get("properties") != null)
            {
                type = "object";
            }

            // integer and number are one JSON kind.
            return type == "integer" ? "number" : type;
        }
    }
}
