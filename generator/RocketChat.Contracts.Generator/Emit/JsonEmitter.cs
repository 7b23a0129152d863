using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RocketChat.Contracts.Generator.Model;
using RocketChat.Contracts.Generator.Parsing;

namespace RocketChat.Contracts.Generator.Emit
{
    /// <summary>
    /// Emits a JsonConverter per record and enum, and a JsonSerializerContext built on them.
    /// Why converters: a generator cannot feed System.Text.Json's own generator (generators never see each
    /// other's output), so the metadata is written here, by hand-style code, and stays reflection-free.
    /// </summary>
    internal static class JsonEmitter
    {
        private const string Json = "global::System.Text.Json";
        private const string Serialization = "global::System.Text.Json.Serialization";
        private const string Metadata = "global::System.Text.Json.Serialization.Metadata";

        // The names already in scope in a ReadValue (its parameter and the unknown members' dictionary): a member's local
        // spelled like one is renamed. WriteValue has no locals, only value.Member.
        private static readonly HashSet<string> s_reservedLocals = new HashSet<string>
        {
            "reader", "additionalProperties",
        };

        public static string Emit(ContractModel contract)
        {
            SourceWriter writer = SourceWriter.Begin(contract.Namespace);
            writer.Line("#pragma warning disable CS0618 // Deprecated members are still read and written.");
            writer.Line();
            foreach (ObjectTypeModel type in contract.Objects)
            {
                EmitObjectConverter(writer, contract, type);
            }

            foreach (UnionTypeModel type in contract.Unions)
            {
                EmitUnionConverter(writer, contract, type);
            }

            foreach (EnumTypeModel type in contract.Enums)
            {
                EmitEnumConverter(writer, contract, type);
            }

            EmitContext(writer, contract);
            return writer.ToString();
        }

        private static void EmitObjectConverter(SourceWriter writer, ContractModel contract, ObjectTypeModel type)
        {
            string name = type.Name;
            writer.Line($"/// <summary>Reads and writes <see cref=\"{name}\"/> without reflection.</summary>");
            writer.Open(ConverterDeclaration(contract.Accessibility, name));
            var written = type.Properties.Where(p => p.Access != PropertyAccess.ReadOnly).ToList();
            if (written.Count > 0)
            {
                // The written members' names, encoded once, in the order WriteValue writes them.
                string encoded = string.Join(", ", written.Select(p => CSharpText.Literal(p.JsonName)));
                writer.Line($"private static readonly {Json}.JsonEncodedText[] Names = {JsonCode.Members}.EncodeNames({encoded});");
            }

            ComposedPartModel? part = type.ComposedPart;
            if (part != null)
            {
                string names = string.Join(", ", type.Properties.Select(p => CSharpText.Literal(p.JsonName)));
                if (written.Count > 0)
                {
                    writer.Line();
                }

                writer.Block($$"""
                    // The members read here, not by the {{part.Name}} part: kept out of its unknown members, and of what it writes.
                    private static readonly string[] OwnMemberNames = new string[] { {{names}} };
                    """);
            }

            if (written.Count > 0 || part != null)
            {
                writer.Line();
            }

            // Read.
            var locals = new Dictionary<string, string>();
            var used = new HashSet<string>(s_reservedLocals) { "partReader" };
            string partLocal = part == null ? string.Empty : Identifiers.Unique(Identifiers.ToCamelCase(part.Name), used);
            foreach (PropertyModel property in type.Properties)
            {
                string local = Identifiers.ToCamelCase(property.Name);
                locals[property.Name] = Identifiers.Unique(s_reservedLocals.Contains(local) ? $"{local}Value" : local, used);
            }

            writer.Line($"/// <summary>Reads one {name} at the reader's current token.</summary>");
            writer.Open($"public static {name} ReadValue(ref {JsonCode.Reader} reader)");
            EmitExpectObject(writer, name);
            writer.Line();
            if (part != null)
            {
                // The part reads the whole object on a copy of the reader; this reader then reads it again for the own members.
                string readPart = JsonCode.Read(part.Type, "partReader");
                writer.Block($"""
                    {JsonCode.Reader} partReader = reader;
                    {part.Type.CSharpType} {partLocal} = {readPart};
                    """);
            }

            foreach (PropertyModel property in type.Properties.Where(p => p.Access != PropertyAccess.WriteOnly))
            {
                writer.Line($"{property.Type.CSharpType}? {locals[property.Name]} = default;");
                if (NeedsPresenceFlag(property))
                {
                    writer.Line($"bool has{property.Name} = false;");
                }
            }

            if (type.KeepsAdditionalProperties)
            {
                writer.Line($"global::System.Collections.Generic.Dictionary<string, {Json}.JsonElement>? additionalProperties = null;");
            }

            // One line and one runtime call per member, which matches the name and reads the value: a JSON null reads as
            // null (never as default(T), a silently wrong 0 or false), and a required non-nullable member that stays null
            // is reported missing below. Each matched member continues the loop: a flat list of ifs, where an else-if
            // chain nests a level per member for the compiler to walk. No operators in the loop either: the compiler
            // resolves each one (docs/benchmarks.md §4 prices these constructs).
            writer.Open($"while ({JsonCode.Members}.NextProperty(ref reader))");
            foreach (PropertyModel property in type.Properties)
            {
                // A u8 literal, not the JsonEncodedText's bytes: the JIT makes it a constant, and the names are compared
                // once per member per property read (measured: the encoded bytes cost SendMessage about 10% of its time).
                string utf8Name = CSharpText.Utf8Literal(property.JsonName);
                if (property.Access == PropertyAccess.WriteOnly)
                {
                    // writeOnly: a server echoing it back is not read (and not kept among unknown members either).
                    writer.Line($"if ({JsonCode.Members}.TrySkip(ref reader, {utf8Name})) continue;");
                    continue;
                }

                string read = JsonCode.TryReadMember(property.Type, utf8Name, locals[property.Name]);
                // Present, even as null: null is then the value (nullable) or stands against the default.
                writer.Line(NeedsPresenceFlag(property)
                    ? $"if ({read}) {{ has{property.Name} = true; continue; }}"
                    : $"if ({read}) continue;");
            }

            writer.Line(type.KeepsAdditionalProperties
                ? $"{JsonCode.Collections}.ReadUnknownProperty(ref reader, ref additionalProperties);"
                : $"{JsonCode.Members}.SkipValue(ref reader);");
            writer.Close();
            writer.Line();
            bool anyRequired = false;
            foreach (PropertyModel property in type.Properties.Where(p => p.IsRequired && p.Access != PropertyAccess.WriteOnly))
            {
                string missing = property.IsNullable ? $"!has{property.Name}" : $"{locals[property.Name]} is null";
                writer.Line($"if ({missing}) throw {JsonCode.Collections}.MissingRequired({CSharpText.Literal(name)}, {CSharpText.Literal(property.JsonName)});");
                anyRequired = true;
            }

            if (anyRequired)
            {
                writer.Line();
            }

            writer.Open($"return new {name}");
            if (part != null)
            {
                string partValue = part.KeepsAdditionalProperties
                    ? $"{partLocal} with {{ AdditionalProperties = {JsonCode.Collections}.WithoutMembers({partLocal}.AdditionalProperties, OwnMemberNames) }}"
                    : partLocal;
                writer.Line($"{part.Name} = {partValue},");
            }

            foreach (PropertyModel property in type.Properties.Where(p => p.Access != PropertyAccess.WriteOnly))
            {
                writer.Line($"{property.Name} = {ReadResult(property, locals[property.Name])},");
            }

            if (type.KeepsAdditionalProperties)
            {
                writer.Line("AdditionalProperties = additionalProperties,");
            }

            writer.Close(";");
            writer.Close();
            writer.Line();

            // Write.
            writer.Line($"/// <summary>Writes one {name}.</summary>");
            writer.Open($"public static void WriteValue({Json}.Utf8JsonWriter writer, {name} value)");
            writer.Line("writer.WriteStartObject();");
            string writePart = part == null ? string.Empty : $"{JsonCode.Members}.WriteMembersOf(writer, value.{part.Name}, {JsonCode.ItemWriter(part.Type, 0)}, OwnMemberNames);";
            if (part is { IsWrittenFirst: true })
            {
                writer.Line(writePart);
            }

            for (int i = 0; i < written.Count; i++)
            {
                PropertyModel property = written[i];
                string nameAt = $"Names[{i.ToString(CultureInfo.InvariantCulture)}]";
                writer.Line(JsonCode.WriteProperty(property.Type, nameAt, $"value.{property.Name}", property.HasNullableType, orNull: property.IsRequired));
            }

            if (part is { IsWrittenFirst: false })
            {
                writer.Line(writePart);
            }

            if (type.KeepsAdditionalProperties)
            {
                writer.Line($"{JsonCode.Collections}.WriteAdditionalProperties(writer, value.AdditionalProperties);");
            }

            writer.Line("writer.WriteEndObject();");
            writer.Close();
            writer.Close();
            writer.Line();
        }

        /// <summary>
        /// What a read member initializes its property with: a required non-nullable member is known present by now
        /// (checked above), an optional one with a default falls back to it when absent.
        /// </summary>
        private static string ReadResult(PropertyModel property, string local)
        {
            if (!property.HasNullableType)
            {
                return property.Type.IsValueType ? $"{local}.GetValueOrDefault()" : $"{local}!";
            }

            return property.DefaultValue != null ? $"has{property.Name} ? {local} : {property.DefaultValue}" : local;
        }

        /// <summary>
        /// The declaration every generated converter has. Its base, in the runtime, hands JsonConverter's Read and Write
        /// over to the converter's static ReadValue and WriteValue (which other converters call directly), so no converter
        /// repeats those two overrides.
        /// </summary>
        internal static string ConverterDeclaration(string accessibility, string name) =>
            $"{accessibility} sealed class {name}JsonConverter : {JsonCode.Runtime}.GeneratedJsonConverter<{name}, {name}JsonConverter>, {JsonCode.Runtime}.IGeneratedJsonConverter<{name}>";

        /// <summary>The guard a ReadValue of an object starts with: anything but a JSON object is a JsonException.</summary>
        private static void EmitExpectObject(SourceWriter writer, string name) =>
            writer.Line($"{JsonCode.Members}.ExpectObject(ref reader, {CSharpText.Literal(name)});");

        /// <summary>
        /// Reads a union by looking ahead (on a copy of the reader) for the discriminator, then reading the whole object
        /// as the record it names; an unknown or missing discriminator is a JsonException, never a guess.
        /// </summary>
        private static void EmitUnionConverter(SourceWriter writer, ContractModel contract, UnionTypeModel type)
        {
            string name = type.Name;
            string known = string.Join(", ", type.Cases.Select(c => c.Value));
            writer.Line($"/// <summary>Reads and writes <see cref=\"{name}\"/> as the kind its {CSharpText.Code(type.DiscriminatorJsonName)} member names.</summary>");
            writer.Open(ConverterDeclaration(contract.Accessibility, name));
            writer.Line($"/// <summary>Reads the kind of {name} the discriminator names, at the reader's current token.</summary>");
            writer.Open($"public static {name} ReadValue(ref {JsonCode.Reader} reader)");
            EmitExpectObject(writer, name);
            writer.Line();
            writer.Block($$"""
                {{JsonCode.Reader}} scan = reader;
                string? kind = null;
                while (scan.Read() && scan.TokenType != {{Json}}.JsonTokenType.EndObject)
                {
                    bool isDiscriminator = scan.ValueTextEquals({{CSharpText.Utf8Literal(type.DiscriminatorJsonName)}});
                    scan.Read();
                    if (isDiscriminator && scan.TokenType == {{Json}}.JsonTokenType.String)
                    {
                        kind = scan.GetString();
                        break;
                    }

                    scan.Skip();
                }
                """);
            writer.Line();
            writer.Open("return kind switch");
            foreach (UnionCaseModel union in type.Cases)
            {
                writer.Line($"{CSharpText.Literal(union.Value)} => {union.TypeName}JsonConverter.ReadValue(ref reader),");
            }

            string noKind = CSharpText.Literal($"The JSON for {name} has no string member '{type.DiscriminatorJsonName}' to tell its kind ({known}).");
            string unknownKindBefore = CSharpText.Literal($"The JSON for {name} has the unknown {type.DiscriminatorJsonName} '");
            string unknownKindAfter = CSharpText.Literal($"'; the contract lists {known}.");
            writer.Block($"""
                null => throw new {Json}.JsonException({noKind}),
                _ => throw new {Json}.JsonException({unknownKindBefore} + kind + {unknownKindAfter}),
                """);
            writer.Close(";");
            writer.Close();
            writer.Line();
            writer.Line($"/// <summary>Writes the derived record a <see cref=\"{name}\"/> holds, discriminator included.</summary>");
            writer.Open($"public static void WriteValue({Json}.Utf8JsonWriter writer, {name} value)");
            writer.Open("switch (value)");
            foreach (UnionCaseModel union in type.Cases.GroupBy(c => c.TypeName).Select(g => g.First()))
            {
                string local = $"{Identifiers.ToCamelCase(union.TypeName)}Value";
                writer.Block($"""
                    case {union.TypeName} {local}:
                        {union.TypeName}JsonConverter.WriteValue(writer, {local});
                        break;
                    """);
            }

            string notListed = CSharpText.Literal($"Only the kinds of {name} the contract lists ({known}) can be written, not ");
            writer.Block($"""
                default:
                    throw new {Json}.JsonException({notListed} + value.GetType().Name);
                """);
            writer.Close();
            writer.Close();
            writer.Close();
            writer.Line();
        }

        private static void EmitEnumConverter(SourceWriter writer, ContractModel contract, EnumTypeModel type)
        {
            string name = type.Name;
            writer.Line($"/// <summary>Reads and writes <see cref=\"{name}\"/> as its string value.</summary>");
            writer.Open(ConverterDeclaration(contract.Accessibility, name));
            string notString = CSharpText.Literal($"Expected a string for {name}.");
            writer.Block($"""
                /// <summary>Reads the string at the reader's current token.</summary>
                public static {name} ReadValue(ref {JsonCode.Reader} reader) => new {name}(reader.GetString() ?? throw new {Json}.JsonException({notString}));

                /// <summary>Writes the wire value.</summary>
                public static void WriteValue({Json}.Utf8JsonWriter writer, {name} value) => writer.WriteStringValue(value.Value);
                """);
            writer.Close();
            writer.Line();
        }

        /// <summary>The context property that serves <paramref name="type"/> as a root.</summary>
        public static string RootPropertyName(TypeRef type) => type.DisplayName;

        private static void EmitContext(SourceWriter writer, ContractModel contract)
        {
            string context = contract.ContextName;
            writer.Block($"""
                /// <summary>
                /// System.Text.Json metadata for every type of the contract, built on the generated converters:
                /// no reflection, safe for trimming and Native AOT. Use it as <c>JsonSerializer.Serialize(value, {context}.Default.SomeType)</c>
                /// or as a <see cref="{Metadata}.IJsonTypeInfoResolver"/> in your own options.
                /// </summary>
                """);
            writer.Open($"{contract.Accessibility} sealed partial class {context} : {Serialization}.JsonSerializerContext, {Metadata}.IJsonTypeInfoResolver");
            writer.Block($$"""
                /// <summary>
                /// The shared instance. Its encoder escapes only what JSON requires: the text goes to an API (bodies and
                /// percent-encoded query values), never into HTML, and '+' or non-ASCII must arrive as written.
                /// </summary>
                public static {{context}} Default { get; } = new {{context}}(new {{Json}}.JsonSerializerOptions { Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

                /// <summary>Creates a context bound to <paramref name="options"/>.</summary>
                public {{context}}({{Json}}.JsonSerializerOptions? options) : base(options)
                {
                }

                /// <inheritdoc />
                protected override {{Json}}.JsonSerializerOptions? GeneratedSerializerOptions => null;
                """);
            foreach (TypeRef type in contract.RootTypes)
            {
                string property = RootPropertyName(type);
                string typeName = CSharpText.Code(type.CSharpType.Replace("global::", string.Empty));
                writer.Line();
                writer.Block($"""
                    private {Metadata}.JsonTypeInfo<{type.CSharpType}>? _{property};

                    /// <summary>Metadata for {typeName}.</summary>
                    public {Metadata}.JsonTypeInfo<{type.CSharpType}> {property} => _{property} ??= Create{property}(Options);
                    """);
            }

            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Open($"public override {Metadata}.JsonTypeInfo? GetTypeInfo(global::System.Type type)");
            foreach (TypeRef type in contract.RootTypes)
            {
                writer.Line($"if (type == typeof({type.CSharpType})) return {RootPropertyName(type)};");
            }

            writer.Line("return null;");
            writer.Close();
            writer.Line();
            writer.Open($"{Metadata}.JsonTypeInfo? {Metadata}.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, {Json}.JsonSerializerOptions options)");
            foreach (TypeRef type in contract.RootTypes)
            {
                writer.Line($"if (type == typeof({type.CSharpType})) return Create{RootPropertyName(type)}(options);");
            }

            writer.Line("return null;");
            writer.Close();
            foreach (TypeRef type in contract.RootTypes)
            {
                writer.Line();
                string property = RootPropertyName(type);
                writer.Block($"""
                    private static {Metadata}.JsonTypeInfo<{type.CSharpType}> Create{property}({Json}.JsonSerializerOptions options) =>
                        {Metadata}.JsonMetadataServices.CreateValueInfo<{type.CSharpType}>(options, {Converter(type)});
                    """);
            }

            writer.Close();
        }

        /// <summary>
        /// A flag for "the member was present": needed when presence matters beyond the value, that is a required member
        /// that may be null, or an optional one whose default stands for absence only.
        /// </summary>
        private static bool NeedsPresenceFlag(PropertyModel property) =>
            property.IsRequired ? property.IsNullable : property.DefaultValue != null;

        private static string Converter(TypeRef type)
        {
            if (type.Kind is TypeKind.Object or TypeKind.Enum)
            {
                return $"new {type.Name}JsonConverter()";
            }

            string read = JsonCode.Read(type, "reader");
            string write = JsonCode.Write(type, "value").TrimEnd(';');
            return $"new {JsonCode.Runtime}.DelegateJsonConverter<{type.CSharpType}>(static (ref {JsonCode.Reader} reader) => {read}, static (writer, value) => {write})";
        }
    }
}
