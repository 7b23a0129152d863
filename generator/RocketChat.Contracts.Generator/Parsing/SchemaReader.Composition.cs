using System.Collections.Generic;
using System.Linq;
using RocketChat.Contracts.Generator.Diagnostics;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// allOf over a record of a referenced contract (an AsyncAPI payload spreading a REST document and adding members,
    /// such as the inquiry queue's <c>{type, ...inquiry}</c>): its members are in another file, so they cannot be merged
    /// into one record. The referenced record becomes one member and the local parts the others, all read from and
    /// written as the same JSON object: the REST type stays the one type of that document.
    /// </summary>
    internal sealed partial class SchemaReader
    {
        /// <summary>What is known of a referenced contract's generated type (its members, for a record); null when unknown.</summary>
        public System.Func<TypeRef, ReferencedSchema?>? ExternalSchemaOf { get; set; }

        private static bool IsExternalPart(YamlNode part) =>
            part.GetString("$ref") is string reference && !reference.StartsWith("#", System.StringComparison.Ordinal);

        private TypeRef ReadComposition(YamlMappingNode mapping, YamlSequenceNode allOf, string nameHint, bool isComponent)
        {
            List<YamlNode> external = allOf.Children.Where(IsExternalPart).ToList();
            if (external.Count > 1)
            {
                _context.Report(DiagnosticDescriptors.UncomposableAllOf, external[1].Get("$ref")!, "more than one part is a schema of another file");
                return TypeRef.Json;
            }

            YamlNode part = external[0];
            YamlNode referenceNode = part.Get("$ref")!;
            TypeRef partType = ExternalReferences!(part.GetString("$ref")!, referenceNode);
            if (partType.Kind == TypeKind.Json)
            {
                // Unresolved: already reported where the $ref is (RCG044).
                return TypeRef.Json;
            }

            if (ExternalSchemaOf?.Invoke(partType) is not { IsRecord: true } record)
            {
                _context.Report(DiagnosticDescriptors.UncomposableAllOf, referenceNode, "'" + part.GetString("$ref") + "' is not a record");
                return TypeRef.Json;
            }

            YamlMappingNode local = MergeParts(mapping, allOf.Children.Where(p => !ReferenceEquals(p, part)));
            var partMembers = new HashSet<string>(record.JsonMembers, System.StringComparer.Ordinal);
            foreach ((YamlScalarNode key, YamlNode _) in local.GetMapping("properties").Entries())
            {
                if (partMembers.Contains(key.Value!))
                {
                    _context.Report(DiagnosticDescriptors.UncomposableAllOf, key, "'" + key.Value + "' is also a member of '" + record.Name + "'");
                    return TypeRef.Json;
                }
            }

            string shortName = partType.Name!.Substring(partType.Name.LastIndexOf('.') + 1);
            string wanted = _context.NameFor(part, part.GetString("title") is string title ? Identifiers.ToPascalCase(title) : shortName);
            string typeName = isComponent ? nameHint : Identifiers.Unique(nameHint, _context.TypeNames);
            string memberName = wanted == typeName ? wanted + "Value" : wanted;
            var composed = new ComposedPartModel(memberName, partType, part.GetString("description"), record.KeepsAdditionalProperties, ReferenceEquals(allOf.Children[0], part));
            BuildObject(local, typeName, composed);
            return new TypeRef(TypeKind.Object, typeName);
        }
    }
}
