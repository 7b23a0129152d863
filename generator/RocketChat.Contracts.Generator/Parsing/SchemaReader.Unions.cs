using System.Collections.Generic;
using System.Linq;
using RocketChat.Contracts.Generator.Diagnostics;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>oneOf/anyOf with a discriminator: a polymorphic hierarchy, System.Text.Json style.</summary>
    internal sealed partial class SchemaReader
    {
        private const string ComponentSchemaPrefix = "#/components/schemas/";

        // Derived record name → its base: a record has one base, so a schema in two unions is refused in the second.
        private readonly Dictionary<string, string> _bases = new Dictionary<string, string>();

        public List<UnionTypeModel> Unions { get; } = new List<UnionTypeModel>();

        /// <summary>The records, each with the union it derives from, if any.</summary>
        public IEnumerable<ObjectTypeModel> ObjectsWithBases() =>
            Objects.Select(o => _bases.TryGetValue(o.Name, out string? baseType) ? o with { BaseType = baseType } : o);

        /// <summary>
        /// An abstract record for a oneOf/anyOf with a discriminator whose alternatives are $refs to object schemas
        /// declaring the discriminator member; null when the schema is no such union. What cannot be a hierarchy is
        /// reported (RCG007, at the place that stops it) and read as a JsonElement.
        /// </summary>
        private TypeRef? ReadDiscriminatedUnion(YamlMappingNode mapping, string nameHint, bool isComponent)
        {
            if (mapping.Get("discriminator") is not YamlMappingNode discriminator)
            {
                return null;
            }

            string keyword = mapping.Get("oneOf") != null ? "oneOf" : "anyOf";
            if (mapping.Get(keyword) is not YamlSequenceNode alternatives || IsNullUnion(alternatives, out _))
            {
                return null;
            }

            if (discriminator.GetString("propertyName") is not string propertyName)
            {
                _context.Report(DiagnosticDescriptors.UnsupportedSchema, KeyNode(mapping, "discriminator"), "discriminator without propertyName");
                return TypeRef.Json;
            }

            string typeName = isComponent ? nameHint : Identifiers.Unique(nameHint, _context.TypeNames);
            var cases = new List<UnionCaseModel>();
            foreach (YamlNode alternative in alternatives.Children)
            {
                if (alternative.GetString("type") == "null")
                {
                    continue;
                }

                if (ReadCase(alternative, discriminator, propertyName, typeName) is not UnionCaseModel union)
                {
                    // Nothing partial: the cases already claimed give their base back.
                    foreach (UnionCaseModel claimed in cases)
                    {
                        _bases.Remove(claimed.TypeName);
                    }

                    return TypeRef.Json;
                }

                cases.Add(union);
            }

            Unions.Add(new UnionTypeModel(typeName, Describe(mapping), propertyName, cases.ToEquatableArray()));
            return new TypeRef(TypeKind.Object, typeName);
        }

        private UnionCaseModel? ReadCase(YamlNode alternative, YamlMappingNode discriminator, string propertyName, string baseName)
        {
            string? reference = alternative.GetString("$ref");
            if (reference == null || !reference.StartsWith(ComponentSchemaPrefix, System.StringComparison.Ordinal))
            {
                _context.Report(DiagnosticDescriptors.UnsupportedSchema, alternative, "a discriminated alternative that is not a $ref to a component schema");
                return null;
            }

            TypeRef derived = ReadReference(reference, alternative.Get("$ref")!);
            ObjectTypeModel? record = derived.Kind == TypeKind.Object ? Objects.FirstOrDefault(o => o.Name == derived.Name) : null;
            if (record == null || !record.Properties.Any(p => p.JsonName == propertyName))
            {
                _context.Report(DiagnosticDescriptors.UnsupportedSchema, alternative, "a discriminated alternative that is not an object declaring '" + propertyName + "'");
                return null;
            }

            if (_bases.TryGetValue(record.Name, out string? otherBase) && otherBase != baseName)
            {
                _context.Report(DiagnosticDescriptors.UnsupportedSchema, alternative, "'" + record.Name + "' in a second discriminated union (it already derives from '" + otherBase + "')");
                return null;
            }

            _bases[record.Name] = baseName;
            string componentName = ContractContext.UnescapePointer(reference.Substring(ComponentSchemaPrefix.Length));
            string value = discriminator.GetMapping("mapping").Entries()
                .Where(e => e.Value is YamlScalarNode target && (target.Value == reference || target.Value == componentName))
                .Select(e => e.Key.Value!)
                .FirstOrDefault() ?? componentName;
            return new UnionCaseModel(value, record.Name);
        }
    }
}
