using System.Collections.Generic;
using System.Linq;
using RocketChat.Contracts.Generator.Diagnostics;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Maps OpenAPI schemas to <see cref="TypeRef"/>s, collecting the records and enums they need.
    /// Named component schemas keep their names; inline objects are named after where they appear.
    /// </summary>
    internal sealed partial class SchemaReader
    {
        private const string SchemaPrefix = "#/components/schemas/";

        private readonly ContractContext _context;
        private readonly Dictionary<string, TypeRef> _namedSchemas = new Dictionary<string, TypeRef>();
        private readonly HashSet<string> _inProgress = new HashSet<string>();
        private readonly Dictionary<string, string> _reservedComponentNames = new Dictionary<string, string>();

        // One YAML node, one type: an inline object reached twice (an allOf merging a $ref'd schema, say) is not emitted twice.
        private Dictionary<YamlNode, TypeRef> _inlineTypes = new Dictionary<YamlNode, TypeRef>(ReferenceComparer.Instance);

        public SchemaReader(ContractContext context)
        {
            _context = context;
        }

        public List<ObjectTypeModel> Objects { get; } = new List<ObjectTypeModel>();

        public List<EnumTypeModel> Enums { get; } = new List<EnumTypeModel>();

        /// <summary>
        /// Resolves a <c>$ref</c> into another file (an AsyncAPI document naming a REST contract's schemas); null keeps
        /// such references refused (RCG004), as for an OpenAPI contract. The resolver reports what it cannot resolve.
        /// </summary>
        public System.Func<string, YamlNode, TypeRef>? ExternalReferences { get; set; }

        /// <summary>The component schemas read so far and their C# shapes.</summary>
        public IReadOnlyDictionary<string, TypeRef> NamedSchemas => _namedSchemas;

        /// <summary>Reserves the names of all component schemas first, so they win over inline names.</summary>
        public void ReserveComponentNames(YamlNode? schemas)
        {
            foreach ((YamlScalarNode key, YamlNode value) in schemas.Entries())
            {
                string wanted = _context.NameFor(value, Identifiers.ToPascalCase(key.Value!));
                _reservedComponentNames[key.Value!] = Identifiers.Unique(wanted, _context.TypeNames);
            }
        }

        public void ReadComponents(YamlNode? schemas)
        {
            foreach ((YamlScalarNode key, YamlNode _) in schemas.Entries())
            {
                ResolveNamed(key.Value!, key);
            }
        }

        /// <summary>
        /// Whether JSON null is a value of <paramref name="schema"/>: OpenAPI 3.0 <c>nullable: true</c>, 3.1
        /// <c>type: [T, "null"]</c>, a <c>oneOf</c>/<c>anyOf</c> with a null branch, or an enum listing null.
        /// </summary>
        public static bool IsNullable(YamlNode? schema)
        {
            if (schema.GetBool("nullable"))
            {
                return true;
            }

            if (schema.Get("type") is YamlSequenceNode types)
            {
                return types.Children.OfType<YamlScalarNode>().Any(t => t.Value == "null");
            }

            foreach (string union in new[] { "oneOf", "anyOf" })
            {
                if (schema.Get(union) is YamlSequenceNode branches && branches.Children.Any(b => b.GetString("type") == "null"))
                {
                    return true;
                }
            }

            return schema.GetSequence("enum")?.Children.OfType<YamlScalarNode>().Any(IsNullScalar) ?? false;
        }

        /// <summary>A YAML null (<c>null</c>, <c>~</c> or nothing, unquoted): not a string "null".</summary>
        public static bool IsNullScalar(YamlScalarNode scalar) =>
            scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any
            && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

        /// <summary>The C# shape of <paramref name="schema"/>; <paramref name="nameHint"/> names an inline object.</summary>
        public TypeRef Read(YamlNode? schema, string nameHint) => Read(schema, nameHint, isComponent: false);

        /// <summary>
        /// The body or response of one operation. Its inline objects are named after this operation even when the YAML
        /// is shared (a <c>$ref</c> to <c>components/responses</c>, a YAML alias): a type named after another operation
        /// would mislead. Inline objects of component schemas stay shared.
        /// </summary>
        public TypeRef ReadOperationSchema(YamlNode? schema, string nameHint)
        {
            Dictionary<YamlNode, TypeRef> shared = _inlineTypes;
            _inlineTypes = new Dictionary<YamlNode, TypeRef>(shared, ReferenceComparer.Instance);
            try
            {
                return Read(schema, nameHint);
            }
            finally
            {
                _inlineTypes = shared;
            }
        }

        private TypeRef Read(YamlNode? schema, string nameHint, bool isComponent)
        {
            if (schema is not YamlMappingNode mapping)
            {
                return TypeRef.Json;
            }

            if (!isComponent && _inlineTypes.TryGetValue(mapping, out TypeRef? seen))
            {
                return seen;
            }

            TypeRef type = ReadUncached(mapping, nameHint, isComponent);
            if (!isComponent && type.Kind is TypeKind.Object or TypeKind.Enum)
            {
                _inlineTypes[mapping] = type;
            }

            return type;
        }

        private TypeRef ReadUncached(YamlMappingNode mapping, string nameHint, bool isComponent)
        {
            if (mapping.GetString("$ref") is string reference)
            {
                return ReadReference(reference, mapping.Get("$ref")!);
            }

            if (ReadDiscriminatedUnion(mapping, nameHint, isComponent) is TypeRef hierarchy)
            {
                return hierarchy;
            }

            foreach (string unsupported in new[] { "oneOf", "anyOf", "not" })
            {
                if (mapping.Get(unsupported) is YamlNode node && !IsNullUnion(node, out _))
                {
                    // 'x-json-element: true' says the contract's author chose JsonElement here: no warning then.
                    if (mapping.GetString("x-json-element") != "true")
                    {
                        _context.Report(DiagnosticDescriptors.UnsupportedSchema, KeyNode(mapping, unsupported), unsupported);
                    }

                    return TypeRef.Json;
                }

                if (mapping.Get(unsupported) is YamlNode union && IsNullUnion(union, out YamlNode? single))
                {
                    return Read(single, nameHint);
                }
            }

            if (mapping.GetSequence("allOf") is YamlSequenceNode allOf)
            {
                return ReadAllOf(mapping, allOf, nameHint, isComponent);
            }

            string? type = ReadTypeName(mapping);
            // String enums, named or inline, become extensible enum types (an inline one is named after where it is).
            if (mapping.Get("enum") is YamlSequenceNode values && (type == null || type == "string")
                && values.Children.OfType<YamlScalarNode>().Any(v => !IsNullScalar(v)))
            {
                return ReadEnum(mapping, isComponent ? nameHint : Identifiers.Unique(nameHint, _context.TypeNames));
            }

            switch (type)
            {
                case "string":
                    return mapping.GetString("format") switch
                    {
                        "date-time" => TypeRef.DateTimeOffset,
                        _ => TypeRef.String,
                    };
                case "integer":
                    // Only an explicit int32 is an int: an unformatted integer may be a 13-digit epoch-ms timestamp.
                    return mapping.GetString("format") == "int32" ? TypeRef.Int32 : TypeRef.Int64;
                case "number":
                    return TypeRef.Double;
                case "boolean":
                    return TypeRef.Boolean;
                case "array":
                    return TypeRef.ArrayOf(ReadElement(mapping, "items", nameHint + "Item"));
                case "object":
                case null:
                    return ReadObjectLike(mapping, nameHint, isComponent);
                default:
                    _context.Report(DiagnosticDescriptors.UnknownType, mapping.Get("type")!, type);
                    return TypeRef.Json;
            }
        }

        /// <summary>
        /// The items of a list or the values of a map. Elements have no nullable form here, so elements that may be
        /// null are kept as JsonElement (RCG007) rather than read as a non-null type that would throw or lie.
        /// </summary>
        private TypeRef ReadElement(YamlMappingNode container, string key, string nameHint)
        {
            YamlNode? element = container.Get(key);
            if (element != null && (IsNullable(element) || IsNullableReference(element)))
            {
                _context.Report(DiagnosticDescriptors.UnsupportedSchema, KeyNode(container, key), "null " + (key == "items" ? "list items" : "map values"));
                return TypeRef.Json;
            }

            return Read(element, nameHint);
        }

        private TypeRef ReadReference(string reference, YamlNode referenceNode)
        {
            if (!reference.StartsWith("#/", System.StringComparison.Ordinal))
            {
                if (ExternalReferences != null)
                {
                    return ExternalReferences(reference, referenceNode);
                }

                _context.Report(DiagnosticDescriptors.ExternalReference, referenceNode, reference);
                return TypeRef.Json;
            }

            if (reference.StartsWith(SchemaPrefix, System.StringComparison.Ordinal)
                && reference.IndexOf('/', SchemaPrefix.Length) < 0)
            {
                string name = ContractContext.UnescapePointer(reference.Substring(SchemaPrefix.Length));
                if (_context.Root.GetMapping("components").GetMapping("schemas").Get(name) == null)
                {
                    _context.Report(DiagnosticDescriptors.UnresolvedReference, referenceNode, reference);
                    return TypeRef.Json;
                }

                return ResolveNamed(name, referenceNode);
            }

            YamlNode? target = _context.ResolvePointer(reference, referenceNode);
            if (target == null)
            {
                return TypeRef.Json;
            }

            if (!_inProgress.Add(reference))
            {
                _context.Report(DiagnosticDescriptors.CircularReference, referenceNode, reference);
                return TypeRef.Json;
            }

            try
            {
                return Read(target, Identifiers.ToPascalCase(reference.Substring(reference.LastIndexOf('/') + 1)));
            }
            finally
            {
                _inProgress.Remove(reference);
            }
        }

        private TypeRef ResolveNamed(string componentName, YamlNode referenceNode)
        {
            if (_namedSchemas.TryGetValue(componentName, out TypeRef? known))
            {
                return known;
            }

            if (!_inProgress.Add(SchemaPrefix + componentName))
            {
                _context.Report(DiagnosticDescriptors.CircularReference, referenceNode, SchemaPrefix + componentName);
                return TypeRef.Json;
            }

            try
            {
                YamlNode schema = _context.Root.GetMapping("components").GetMapping("schemas").Get(componentName)!;
                string typeName = _reservedComponentNames.TryGetValue(componentName, out string? reserved)
                    ? reserved
                    : Identifiers.Unique(Identifiers.ToPascalCase(componentName), _context.TypeNames);

                // Objects are registered by name before their properties are read, so self-references work.
                if (schema is YamlMappingNode mapping && IsObjectWithProperties(mapping))
                {
                    var objectRef = new TypeRef(TypeKind.Object, typeName);
                    _namedSchemas[componentName] = objectRef;
                    BuildObject(mapping, typeName);
                    return objectRef;
                }

                TypeRef result = Read(schema, typeName, isComponent: true);
                _namedSchemas[componentName] = result;
                return result;
            }
            finally
            {
                _inProgress.Remove(SchemaPrefix + componentName);
            }
        }

        private static bool IsObjectWithProperties(YamlMappingNode mapping) =>
            (ReadTypeName(mapping) is "object" or null) && mapping.Get("properties") is YamlMappingNode
            && mapping.Get("$ref") == null && mapping.Get("allOf") == null;

        private static bool IsNullUnion(YamlNode node, out YamlNode? single)
        {
            single = null;
            if (node is not YamlSequenceNode sequence)
            {
                return false;
            }

            var nonNull = sequence.Children.Where(c => c.GetString("type") != "null").ToList();
            if (nonNull.Count == 1 && sequence.Children.Count == 2)
            {
                single = nonNull[0];
                return true;
            }

            return false;
        }

        private static string? ReadTypeName(YamlNode mapping)
        {
            switch (mapping.Get("type"))
            {
                case YamlScalarNode scalar:
                    return scalar.Value;
                case YamlSequenceNode sequence:
                    var types = sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value).Where(v => v != "null").ToList();
                    return types.Count == 1 ? types[0] : "union";
                default:
                    return null;
            }
        }

        private TypeRef ReadEnum(YamlMappingNode mapping, string typeName)
        {
            // Members must not hide what every generated enum has.
            var used = new HashSet<string> { "Value", "IsKnown", "Equals", "GetHashCode", "ToString", "GetType" };
            var members = new List<EnumMemberModel>();
            foreach (YamlScalarNode value in mapping.GetSequence("enum")!.Children.OfType<YamlScalarNode>())
            {
                if (IsNullScalar(value) || value.Value is null)
                {
                    // Null is no member: the property holding this enum is nullable instead.
                    continue;
                }

                string memberName = Identifiers.Unique(Identifiers.ToPascalCase(value.Value), used);
                if (memberName == typeName)
                {
                    memberName = Identifiers.Unique(memberName + "Value", used);
                }

                members.Add(new EnumMemberModel(memberName, value.Value));
            }

            Enums.Add(new EnumTypeModel(typeName, Describe(mapping), members.ToEquatableArray()));
            return new TypeRef(TypeKind.Enum, typeName);
        }

        private TypeRef ReadObjectLike(YamlMappingNode mapping, string nameHint, bool isComponent)
        {
            if (mapping.Get("properties") is YamlMappingNode properties && properties.Children.Count > 0)
            {
                // A component's name was reserved up front; an inline object takes the first free name.
                string typeName = isComponent ? nameHint : Identifiers.Unique(nameHint, _context.TypeNames);
                BuildObject(mapping, typeName);
                return new TypeRef(TypeKind.Object, typeName);
            }

            if (mapping.Get("additionalProperties") is YamlMappingNode valueSchema && valueSchema.Children.Count > 0)
            {
                return TypeRef.MapOf(ReadElement(mapping, "additionalProperties", nameHint + "Value"));
            }

            return TypeRef.Json;
        }

        private TypeRef ReadAllOf(YamlMappingNode mapping, YamlSequenceNode allOf, string nameHint, bool isComponent)
        {
            bool hasOwnProperties = mapping.Get("properties") is YamlMappingNode own && own.Children.Count > 0;
            if (allOf.Children.Count == 1 && !hasOwnProperties)
            {
                return Read(allOf.Children[0], nameHint, isComponent);
            }

            if (ExternalReferences != null && allOf.Children.Any(IsExternalPart))
            {
                return ReadComposition(mapping, allOf, nameHint, isComponent);
            }

            // Merge every part into one record: allOf in API contracts is almost always composition.
            YamlMappingNode merged = MergeParts(mapping, allOf.Children);
            string typeName = isComponent ? nameHint : Identifiers.Unique(nameHint, _context.TypeNames);
            BuildObject(merged, typeName);
            return new TypeRef(TypeKind.Object, typeName);
        }

        /// <summary>The properties and required lists of <paramref name="parts"/> and of <paramref name="mapping"/> itself, as one object schema.</summary>
        private YamlMappingNode MergeParts(YamlMappingNode mapping, IEnumerable<YamlNode> parts)
        {
            var merged = new YamlMappingNode();
            var mergedProperties = new YamlMappingNode();
            var required = new YamlSequenceNode();
            foreach (YamlNode part in parts.Concat(new YamlNode[] { mapping }))
            {
                YamlNode? resolved = part;
                if (part.GetString("$ref") is string reference)
                {
                    resolved = reference.StartsWith("#/", System.StringComparison.Ordinal)
                        ? _context.ResolvePointer(reference, part.Get("$ref")!)
                        : null;
                    if (resolved == null)
                    {
                        if (!reference.StartsWith("#/", System.StringComparison.Ordinal))
                        {
                            _context.Report(DiagnosticDescriptors.ExternalReference, part.Get("$ref")!, reference);
                        }

                        continue;
                    }
                }

                foreach ((YamlScalarNode key, YamlNode value) in resolved.GetMapping("properties").Entries())
                {
                    if (mergedProperties.Get(key.Value!) == null)
                    {
                        mergedProperties.Add(key, value);
                    }
                }

                foreach (YamlNode item in resolved.GetSequence("required")?.Children ?? Enumerable.Empty<YamlNode>())
                {
                    required.Add(item);
                }
            }

            merged.Add("type", "object");
            merged.Add("properties", mergedProperties);
            merged.Add("required", required);
            if (mapping.GetString("description") is string description)
            {
                merged.Add("description", description);
            }

            return merged;
        }

        private void BuildObject(YamlMappingNode mapping, string typeName, ComposedPartModel? composedPart = null)
        {
            var required = new HashSet<string>(
                mapping.GetSequence("required")?.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)
                ?? Enumerable.Empty<string>());
            bool keepsAdditional = !(mapping.Get("additionalProperties") is YamlScalarNode closed && closed.Value == "false");

            // A composed record's unknown members are its part's to keep: the part reads the whole object.
            keepsAdditional &= composedPart == null;
            var usedNames = new HashSet<string> { typeName };
            if (keepsAdditional)
            {
                usedNames.Add("AdditionalProperties");
            }

            if (composedPart != null)
            {
                usedNames.Add(composedPart.Name);
            }

            var properties = new List<PropertyModel>();
            foreach ((YamlScalarNode key, YamlNode propertySchema) in mapping.GetMapping("properties").Entries())
            {
                string jsonName = key.Value!;
                string wanted = _context.NameFor(propertySchema, Identifiers.ToPascalCase(jsonName));
                if (wanted == typeName)
                {
                    wanted += "Value";
                }

                string name = Identifiers.Unique(wanted, usedNames);
                if (name != wanted)
                {
                    _context.Report(DiagnosticDescriptors.PropertyNameCollision, key, jsonName, typeName, wanted, name);
                }

                TypeRef type = Read(propertySchema, typeName + name);
                PropertyAccess access = propertySchema.GetBool("readOnly") ? PropertyAccess.ReadOnly
                    : propertySchema.GetBool("writeOnly") ? PropertyAccess.WriteOnly
                    : PropertyAccess.ReadWrite;

                // A readOnly member is never set by a caller and a writeOnly one never sent back: neither is C# 'required'.
                properties.Add(new PropertyModel(
                    jsonName,
                    name,
                    type,
                    required.Contains(jsonName) && access == PropertyAccess.ReadWrite,
                    IsNullable(propertySchema) || IsNullableReference(propertySchema),
                    Describe(propertySchema),
                    propertySchema.GetBool("deprecated"),
                    IsSensitive(propertySchema),
                    access,
                    DefaultValue(propertySchema, type)));
            }

            Objects.Add(new ObjectTypeModel(typeName, Describe(mapping), properties.ToEquatableArray(), keepsAdditional, ComposedPart: composedPart));
        }

        /// <summary>
        /// The C# expression of a member's <c>default</c>, applied when the member is absent. Defaults of a shape with
        /// no C# literal (objects, lists, dates) are reported with RCG019 and not applied.
        /// </summary>
        private string? DefaultValue(YamlNode schema, TypeRef type)
        {
            if (schema.Get("default") is not YamlNode node)
            {
                return null;
            }

            string? value = (node as YamlScalarNode)?.Value;
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            string? expression = node is YamlScalarNode scalar && IsNullScalar(scalar) ? null : type.Kind switch
            {
                TypeKind.String when value != null => Emit.CSharpText.Literal(value),
                TypeKind.Int32 when int.TryParse(value, System.Globalization.NumberStyles.Integer, invariant, out int i) => i.ToString(invariant),
                TypeKind.Int64 when long.TryParse(value, System.Globalization.NumberStyles.Integer, invariant, out long l) => l.ToString(invariant) + "L",
                TypeKind.Double when double.TryParse(value, System.Globalization.NumberStyles.Float, invariant, out double d) => d.ToString("R", invariant) + "d",
                TypeKind.Boolean when value is "true" or "false" => value,
                TypeKind.Enum when value != null => "new " + type.Name + "(" + Emit.CSharpText.Literal(value) + ")",
                _ => null,
            };
            if (expression == null && !(node is YamlScalarNode nullScalar && IsNullScalar(nullScalar)))
            {
                _context.Report(DiagnosticDescriptors.UnsupportedDefault, KeyNode((YamlMappingNode)schema, "default"), type.CSharpType.Replace("global::", string.Empty));
            }

            return expression;
        }

        /// <summary>A secret the generated ToString() must not print: <c>format: password</c> or <c>x-sensitive: true</c>.</summary>
        private static bool IsSensitive(YamlNode schema) =>
            schema.GetString("format") == "password" || schema.GetBool("x-sensitive");

        /// <summary>A $ref to a nullable component schema makes the property nullable too.</summary>
        private bool IsNullableReference(YamlNode schema)
        {
            if (schema.GetString("$ref") is string reference && reference.StartsWith("#/", System.StringComparison.Ordinal))
            {
                return IsNullable(_context.ResolvePointer(reference, null));
            }

            return false;
        }

        public static string? Describe(YamlNode? node) => node.GetString("description") ?? node.GetString("title");

        /// <summary>The key node of <paramref name="key"/>, for a precise location.</summary>
        private static YamlNode KeyNode(YamlMappingNode mapping, string key) =>
            mapping.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key) ?? (YamlNode)mapping;
    }

    /// <summary>Compares YAML nodes by identity (netstandard2.0 has no ReferenceEqualityComparer).</summary>
    internal sealed class ReferenceComparer : IEqualityComparer<YamlNode>
    {
        public static readonly ReferenceComparer Instance = new ReferenceComparer();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
