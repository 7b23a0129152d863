using System.Collections.Generic;
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

        private static readonly HashSet<string> s_reservedLocals = new HashSet<string>
        {
            "reader", "writer", "value", "additionalProperties", "typeToConvert", "options",
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
            writer.Line("/// <summary>Reads and writes <see cref=\"" + name + "\"/> without reflection.</summary>");
            writer.Open(contract.Accessibility + " sealed class " + name + "JsonConverter : " + Serialization + ".JsonConverter<" + name + ">");
            var written = type.Properties.Where(p => p.Access != PropertyAccess.ReadOnly).ToList();
            foreach (PropertyModel property in written)
            {
                writer.Line("private static readonly " + Json + ".JsonEncodedText " + property.Name + "JsonName = "
                    + Json + ".JsonEncodedText.Encode(" + CSharpText.Literal(property.JsonName) + ");");
            }

            ComposedPartModel? part = type.ComposedPart;
            if (part != null)
            {
                string names = string.Join(", ", type.Properties.Select(p => CSharpText.Literal(p.JsonName)));
                if (written.Count > 0)
                {
                    writer.Line();
                }

                writer.Line("// The members read here, not by the " + part.Name + " part: kept out of its unknown members, and of what it writes.");
                writer.Line("private static readonly string[] OwnMemberNames = new string[] { " + names + " };");
            }

            if (written.Count > 0 || part != null)
            {
                writer.Line();
            }

            writer.Line("/// <inheritdoc />");
            writer.Line("public override " + name + " Read(ref " + JsonCode.Reader + " reader, global::System.Type typeToConvert, " + Json + ".JsonSerializerOptions options) => ReadValue(ref reader);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override void Write(" + Json + ".Utf8JsonWriter writer, " + name + " value, " + Json + ".JsonSerializerOptions options) => WriteValue(writer, value);");
            writer.Line();

            // Read.
            var locals = new Dictionary<string, string>();
            var used = new HashSet<string>(s_reservedLocals) { "partReader" };
            string partLocal = part == null ? string.Empty : Identifiers.Unique(Identifiers.ToCamelCase(part.Name), used);
            foreach (PropertyModel property in type.Properties)
            {
                string local = Identifiers.ToCamelCase(property.Name);
                locals[property.Name] = Identifiers.Unique(s_reservedLocals.Contains(local) ? local + "Value" : local, used);
            }

            writer.Line("/// <summary>Reads one " + name + " at the reader's current token.</summary>");
            writer.Open("public static " + name + " ReadValue(ref " + JsonCode.Reader + " reader)");
            writer.Open("if (reader.TokenType != " + Json + ".JsonTokenType.StartObject)");
            writer.Line("throw new " + Json + ".JsonException(" + CSharpText.Literal("Expected a JSON object for " + name + ".") + ");");
            writer.Close();
            writer.Line();
            if (part != null)
            {
                // The part reads the whole object on a copy of the reader; this reader then reads it again for the own members.
                writer.Line(JsonCode.Reader + " partReader = reader;");
                writer.Line(part.Type.CSharpType + " " + partLocal + " = " + JsonCode.Read(part.Type, "partReader") + ";");
            }

            foreach (PropertyModel property in type.Properties.Where(p => p.Access != PropertyAccess.WriteOnly))
            {
                writer.Line(property.Type.CSharpType + "? " + locals[property.Name] + " = default;");
                if (NeedsPresenceFlag(property))
                {
                    writer.Line("bool has" + property.Name + " = false;");
                }
            }

            if (type.KeepsAdditionalProperties)
            {
                writer.Line("global::System.Collections.Generic.Dictionary<string, " + Json + ".JsonElement>? additionalProperties = null;");
            }

            // One line per member: a JSON null reads as null (never as default(T), a silently wrong 0 or false), and a
            // required non-nullable member that stays null is reported missing below.
            writer.Open("while (reader.Read() && reader.TokenType != " + Json + ".JsonTokenType.EndObject)");
            string keyword = "if";
            foreach (PropertyModel property in type.Properties)
            {
                string local = locals[property.Name];
                string match = keyword + " (reader.ValueTextEquals(" + CSharpText.Utf8Literal(property.JsonName) + "))";
                keyword = "else if";
                if (property.Access == PropertyAccess.WriteOnly)
                {
                    // writeOnly: a server echoing it back is not read (and not kept among unknown members either).
                    writer.Line(match + " " + JsonCode.Members + ".SkipValue(ref reader);");
                    continue;
                }

                string assign = local + " = " + JsonCode.ReadMember(property.Type) + ";";
                if (NeedsPresenceFlag(property))
                {
                    // Present, even as null: null is then the value (nullable) or stands against the default.
                    writer.Open(match);
                    writer.Line(assign);
                    writer.Line("has" + property.Name + " = true;");
                    writer.Close();
                }
                else
                {
                    writer.Line(match + " " + assign);
                }
            }

            string unknown = type.KeepsAdditionalProperties
                ? JsonCode.Collections + ".ReadUnknownProperty(ref reader, ref additionalProperties);"
                : JsonCode.Members + ".SkipValue(ref reader);";
            writer.Line(type.Properties.Count == 0 ? unknown : "else " + unknown);
            writer.Close();
            writer.Line();
            bool anyRequired = false;
            foreach (PropertyModel property in type.Properties.Where(p => p.IsRequired && p.Access != PropertyAccess.WriteOnly))
            {
                string missing = property.IsNullable ? "!has" + property.Name : locals[property.Name] + " is null";
                writer.Line("if (" + missing + ") throw " + JsonCode.Collections + ".MissingRequired(" + CSharpText.Literal(name) + ", " + CSharpText.Literal(property.JsonName) + ");");
                anyRequired = true;
            }

            if (anyRequired)
            {
                writer.Line();
            }

            writer.Open("return new " + name);
            if (part != null)
            {
                string partValue = part.KeepsAdditionalProperties
                    ? partLocal + " with { AdditionalProperties = " + JsonCode.Collections + ".WithoutMembers(" + partLocal + ".AdditionalProperties, OwnMemberNames) }"
                    : partLocal;
                writer.Line(part.Name + " = " + partValue + ",");
            }

            foreach (PropertyModel property in type.Properties.Where(p => p.Access != PropertyAccess.WriteOnly))
            {
                string local = locals[property.Name];
                bool forgive = property.IsRequired && !property.IsNullable;
                string read = forgive
                    ? (property.Type.IsValueType ? local + ".GetValueOrDefault()" : local + "!")
                    : property.DefaultValue != null ? "has" + property.Name + " ? " + local + " : " + property.DefaultValue
                    : local;
                writer.Line(property.Name + " = " + read + ",");
            }

            if (type.KeepsAdditionalProperties)
            {
                writer.Line("AdditionalProperties = additionalProperties,");
            }

            writer.Close(";");
            writer.Close();
            writer.Line();

            // Write.
            writer.Line("/// <summary>Writes one " + name + ".</summary>");
            writer.Open("public static void WriteValue(" + Json + ".Utf8JsonWriter writer, " + name + " value)");
            writer.Line("writer.WriteStartObject();");
            string writePart = part == null ? string.Empty : JsonCode.Members + ".WriteMembersOf(writer, value." + part.Name + ", " + JsonCode.ItemWriter(part.Type, 0) + ", OwnMemberNames);";
            if (part is { IsWrittenFirst: true })
            {
                writer.Line(writePart);
            }

            foreach (PropertyModel property in type.Properties.Where(p => p.Access != PropertyAccess.ReadOnly))
            {
                string local = locals[property.Name];
                writer.Line("if (value." + property.Name + " is { } " + local + ") " + JsonCode.WriteProperty(property.Type, property.Name + "JsonName", local));

                if (property.IsRequired)
                {
                    writer.Line("else writer.WriteNull(" + property.Name + "JsonName);");
                }
            }

            if (part is { IsWrittenFirst: false })
            {
                writer.Line(writePart);
            }

            if (type.KeepsAdditionalProperties)
            {
                writer.Line(JsonCode.Collections + ".WriteAdditionalProperties(writer, value.AdditionalProperties);");
            }

            writer.Line("writer.WriteEndObject();");
            writer.Close();
            writer.Close();
            writer.Line();
        }

        /// <summary>
        /// Reads a union by looking ahead (on a copy of the reader) for the discriminator, then reading the whole object
        /// as the record it names; an unknown or missing discriminator is a JsonException, never a guess.
        /// </summary>
        private static void EmitUnionConverter(SourceWriter writer, ContractModel contract, UnionTypeModel type)
        {
            string name = type.Name;
            string known = string.Join(", ", type.Cases.Select(c => c.Value));
            writer.Line("/// <summary>Reads and writes <see cref=\"" + name + "\"/> as the kind its " + CSharpText.Code(type.DiscriminatorJsonName) + " member names.</summary>");
            writer.Open(contract.Accessibility + " sealed class " + name + "JsonConverter : " + Serialization + ".JsonConverter<" + name + ">");
            writer.Line("/// <inheritdoc />");
            writer.Line("public override " + name + " Read(ref " + JsonCode.Reader + " reader, global::System.Type typeToConvert, " + Json + ".JsonSerializerOptions options) => ReadValue(ref reader);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override void Write(" + Json + ".Utf8JsonWriter writer, " + name + " value, " + Json + ".JsonSerializerOptions options) => WriteValue(writer, value);");
            writer.Line();
            writer.Line("/// <summary>Reads the kind of " + name + " the discriminator names, at the reader's current token.</summary>");
            writer.Open("public static " + name + " ReadValue(ref " + JsonCode.Reader + " reader)");
            writer.Open("if (reader.TokenType != " + Json + ".JsonTokenType.StartObject)");
            writer.Line("throw new " + Json + ".JsonException(" + CSharpText.Literal("Expected a JSON object for " + name + ".") + ");");
            writer.Close();
            writer.Line();
            writer.Line(JsonCode.Reader + " scan = reader;");
            writer.Line("string? kind = null;");
            writer.Open("while (scan.Read() && scan.TokenType != " + Json + ".JsonTokenType.EndObject)");
            writer.Line("bool isDiscriminator = scan.ValueTextEquals(" + CSharpText.Utf8Literal(type.DiscriminatorJsonName) + ");");
            writer.Line("scan.Read();");
            writer.Open("if (isDiscriminator && scan.TokenType == " + Json + ".JsonTokenType.String)");
            writer.Line("kind = scan.GetString();");
            writer.Line("break;");
            writer.Close();
            writer.Line();
            writer.Line("scan.Skip();");
            writer.Close();
            writer.Line();
            writer.Open("return kind switch");
            foreach (UnionCaseModel union in type.Cases)
            {
                writer.Line(CSharpText.Literal(union.Value) + " => " + union.TypeName + "JsonConverter.ReadValue(ref reader),");
            }

            writer.Line("null => throw new " + Json + ".JsonException(" + CSharpText.Literal("The JSON for " + name + " has no string member '" + type.DiscriminatorJsonName + "' to tell its kind (" + known + ").") + "),");
            writer.Line("_ => throw new " + Json + ".JsonException(" + CSharpText.Literal("The JSON for " + name + " has the unknown " + type.DiscriminatorJsonName + " '") + " + kind + " + CSharpText.Literal("'; the contract lists " + known + ".") + "),");
            writer.Close(";");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>Writes the derived record a <see cref=\"" + name + "\"/> holds, discriminator included.</summary>");
            writer.Open("public static void WriteValue(" + Json + ".Utf8JsonWriter writer, " + name + " value)");
            writer.Open("switch (value)");
            foreach (UnionCaseModel union in type.Cases.GroupBy(c => c.TypeName).Select(g => g.First()))
            {
                string local = Identifiers.ToCamelCase(union.TypeName) + "Value";
                writer.Line("case " + union.TypeName + " " + local + ":");
                writer.Line("    " + union.TypeName + "JsonConverter.WriteValue(writer, " + local + ");");
                writer.Line("    break;");
            }

            writer.Line("default:");
            writer.Line("    throw new " + Json + ".JsonException(" + CSharpText.Literal("Only the kinds of " + name + " the contract lists (" + known + ") can be written, not ") + " + value.GetType().Name);");
            writer.Close();
            writer.Close();
            writer.Close();
            writer.Line();
        }

        private static void EmitEnumConverter(SourceWriter writer, ContractModel contract, EnumTypeModel type)
        {
            string name = type.Name;
            writer.Line("/// <summary>Reads and writes <see cref=\"" + name + "\"/> as its string value.</summary>");
            writer.Open(contract.Accessibility + " sealed class " + name + "JsonConverter : " + Serialization + ".JsonConverter<" + name + ">");
            writer.Line("/// <inheritdoc />");
            writer.Line("public override " + name + " Read(ref " + JsonCode.Reader + " reader, global::System.Type typeToConvert, " + Json + ".JsonSerializerOptions options) => ReadValue(ref reader);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override void Write(" + Json + ".Utf8JsonWriter writer, " + name + " value, " + Json + ".JsonSerializerOptions options) => WriteValue(writer, value);");
            writer.Line();
            writer.Line("/// <summary>Reads the string at the reader's current token.</summary>");
            writer.Line("public static " + name + " ReadValue(ref " + JsonCode.Reader + " reader) => new " + name + "(reader.GetString() ?? throw new " + Json + ".JsonException(" + CSharpText.Literal("Expected a string for " + name + ".") + "));");
            writer.Line();
            writer.Line("/// <summary>Writes the wire value.</summary>");
            writer.Line("public static void WriteValue(" + Json + ".Utf8JsonWriter writer, " + name + " value) => writer.WriteStringValue(value.Value);");
            writer.Close();
            writer.Line();
        }

        /// <summary>The context property that serves <paramref name="type"/> as a root.</summary>
        public static string RootPropertyName(TypeRef type) => type.DisplayName;

        private static void EmitContext(SourceWriter writer, ContractModel contract)
        {
            string context = contract.ContextName;
            writer.Line("/// <summary>");
            writer.Line("/// System.Text.Json metadata for every type of the contract, built on the generated converters:");
            writer.Line("/// no reflection, safe for trimming and Native AOT. Use it as <c>JsonSerializer.Serialize(value, " + context + ".Default.SomeType)</c>");
            writer.Line("/// or as a <see cref=\"" + Metadata + ".IJsonTypeInfoResolver\"/> in your own options.");
            writer.Line("/// </summary>");
            writer.Open(contract.Accessibility + " sealed partial class " + context + " : " + Serialization + ".JsonSerializerContext, " + Metadata + ".IJsonTypeInfoResolver");
            writer.Line("/// <summary>");
            writer.Line("/// The shared instance. Its encoder escapes only what JSON requires: the text goes to an API (bodies and");
            writer.Line("/// percent-encoded query values), never into HTML, and '+' or non-ASCII must arrive as written.");
            writer.Line("/// </summary>");
            writer.Line("public static " + context + " Default { get; } = new " + context + "(new " + Json + ".JsonSerializerOptions { Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });");
            writer.Line();
            writer.Line("/// <summary>Creates a context bound to <paramref name=\"options\"/>.</summary>");
            writer.Open("public " + context + "(" + Json + ".JsonSerializerOptions? options) : base(options)");
            writer.Close();
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("protected override " + Json + ".JsonSerializerOptions? GeneratedSerializerOptions => null;");
            foreach (TypeRef type in contract.RootTypes)
            {
                string property = RootPropertyName(type);
                writer.Line();
                writer.Line("private " + Metadata + ".JsonTypeInfo<" + type.CSharpType + ">? _" + property + ";");
                writer.Line();
                writer.Line("/// <summary>Metadata for <c>" + string.Join(" ", CSharpText.DocLines(type.CSharpType.Replace("global::", string.Empty))) + "</c>.</summary>");
                writer.Line("public " + Metadata + ".JsonTypeInfo<" + type.CSharpType + "> " + property + " => _" + property + " ??= Create" + property + "(Options);");
            }

            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Open("public override " + Metadata + ".JsonTypeInfo? GetTypeInfo(global::System.Type type)");
            foreach (TypeRef type in contract.RootTypes)
            {
                writer.Line("if (type == typeof(" + type.CSharpType + ")) return " + RootPropertyName(type) + ";");
            }

            writer.Line("return null;");
            writer.Close();
            writer.Line();
            writer.Open(Metadata + ".JsonTypeInfo? " + Metadata + ".IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, " + Json + ".JsonSerializerOptions options)");
            foreach (TypeRef type in contract.RootTypes)
            {
                writer.Line("if (type == typeof(" + type.CSharpType + ")) return Create" + RootPropertyName(type) + "(options);");
            }

            writer.Line("return null;");
            writer.Close();
            foreach (TypeRef type in contract.RootTypes)
            {
                writer.Line();
                string property = RootPropertyName(type);
                writer.Line("private static " + Metadata + ".JsonTypeInfo<" + type.CSharpType + "> Create" + property + "(" + Json + ".JsonSerializerOptions options) =>");
                writer.Line("    " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + type.CSharpType + ">(options, " + Converter(type) + ");");
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
                return "new " + type.Name + "JsonConverter()";
            }

            return "new global::RocketChat.Contracts.Runtime.Json.DelegateJsonConverter<" + type.CSharpType + ">("
                + "static (ref " + JsonCode.Reader + " reader) => " + JsonCode.Read(type, "reader") + ", "
                + "static (writer, value) => " + JsonCode.Write(type, "value").TrimEnd(';') + ")";
        }
    }
}
