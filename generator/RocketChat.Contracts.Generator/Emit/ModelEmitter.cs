using System.Linq;
using RocketChat.Contracts.Generator.Model;

namespace RocketChat.Contracts.Generator.Emit
{
    /// <summary>Emits the records and extensible enums of a contract.</summary>
    internal static class ModelEmitter
    {
        private const string JsonConverterAttribute = "global::System.Text.Json.Serialization.JsonConverter";
        private const string JsonPropertyNameAttribute = "global::System.Text.Json.Serialization.JsonPropertyName";

        public static string Emit(ContractModel contract)
        {
            SourceWriter writer = SourceWriter.Begin(contract.Namespace);
            foreach (ObjectTypeModel type in contract.Objects)
            {
                EmitObject(writer, contract, type);
            }

            foreach (UnionTypeModel type in contract.Unions)
            {
                EmitUnion(writer, contract, type);
            }

            foreach (EnumTypeModel type in contract.Enums)
            {
                EmitEnum(writer, contract, type);
            }

            return writer.ToString();
        }

        private static void EmitObject(SourceWriter writer, ContractModel contract, ObjectTypeModel type)
        {
            CSharpText.Doc(writer, "summary", type.Description ?? "The " + type.Name + " object of the contract.");
            writer.Line("[" + JsonConverterAttribute + "(typeof(" + type.Name + "JsonConverter))]");
            string baseType = type.BaseType != null ? " : " + type.BaseType : string.Empty;
            writer.Open(contract.Accessibility + " sealed partial record " + type.Name + baseType);
            bool first = true;
            if (type.ComposedPart is ComposedPartModel part)
            {
                string partType = part.Type.CSharpType;
                CSharpText.DocOrDefault(writer, "summary", part.Description, "The " + CSharpText.Code(partType.Substring(partType.LastIndexOf('.') + 1)) + " this object spreads.");
                writer.Line("/// <remarks>Composed (allOf): its members are read from and written into the same JSON object as the members below.</remarks>");
                writer.Line("public required " + partType + " " + part.Name + " { get; init; }");
                first = false;
            }

            foreach (PropertyModel property in type.Properties)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                CSharpText.DocOrDefault(writer, "summary", property.Description, "The " + CSharpText.Code(property.JsonName) + " field.");
                if (property.Access == PropertyAccess.ReadOnly)
                {
                    writer.Line("/// <remarks>Set by the server (readOnly): read from responses, never written in a request.</remarks>");
                }
                else if (property.Access == PropertyAccess.WriteOnly)
                {
                    writer.Line("/// <remarks>Sent to the server only (writeOnly): written in requests, never read from a response.</remarks>");
                }

                if (property.IsDeprecated)
                {
                    writer.Line("[global::System.Obsolete(\"Deprecated by the contract.\")]");
                }

                writer.Line("[" + JsonPropertyNameAttribute + "(" + CSharpText.Literal(property.JsonName) + ")]");
                string required = property.IsRequired ? "required " : string.Empty;
                string nullable = property.IsRequired && !property.IsNullable ? string.Empty : "?";
                string initializer = property.DefaultValue != null && !property.IsRequired ? " = " + property.DefaultValue + ";" : string.Empty;
                writer.Line("public " + required + property.Type.CSharpType + nullable + " " + property.Name + " { get; init; }" + initializer);
            }

            if (type.KeepsAdditionalProperties)
            {
                if (!first)
                {
                    writer.Line();
                }

                writer.Line("/// <summary>Fields the contract does not describe, kept as sent so nothing is lost.</summary>");
                writer.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; init; }");
            }

            if (type.Properties.Any(p => p.IsSensitive))
            {
                writer.Line();
                EmitMaskedPrintMembers(writer, type, derived: type.BaseType != null);
            }

            writer.Close();
            writer.Line();
        }

        /// <summary>
        /// Replaces the record's generated PrintMembers, which ToString() uses, so secrets never reach logs or
        /// exception messages: the output keeps the record format with sensitive members shown as ***.
        /// </summary>
        private static void EmitMaskedPrintMembers(SourceWriter writer, ObjectTypeModel type, bool derived)
        {
            writer.Line("/// <summary>Prints the members as a record does, with the contract's sensitive members masked as <c>***</c>.</summary>");
            writer.Open((derived ? "protected override" : "private") + " bool PrintMembers(global::System.Text.StringBuilder builder)");
            bool deprecated = type.Properties.Any(p => p.IsDeprecated && !p.IsSensitive);
            if (deprecated)
            {
                writer.Line("#pragma warning disable CS0618 // Deprecated members are printed too.");
            }

            string separator = string.Empty;
            if (type.ComposedPart is ComposedPartModel part)
            {
                writer.Line("builder.Append(" + CSharpText.Literal(part.Name + " = ") + ");");
                writer.Line("builder.Append(" + part.Name + ");");
                separator = ", ";
            }

            foreach (PropertyModel property in type.Properties)
            {
                if (property.IsSensitive)
                {
                    writer.Line("builder.Append(" + CSharpText.Literal(separator + property.Name + " = ***") + ");");
                }
                else
                {
                    writer.Line("builder.Append(" + CSharpText.Literal(separator + property.Name + " = ") + ");");
                    writer.Line("builder.Append(" + property.Name + ");");
                }

                separator = ", ";
            }

            if (type.KeepsAdditionalProperties)
            {
                writer.Line("builder.Append(" + CSharpText.Literal(separator + "AdditionalProperties = ") + ");");
                writer.Line("builder.Append(AdditionalProperties);");
            }

            if (deprecated)
            {
                writer.Line("#pragma warning restore CS0618");
            }

            writer.Line("return true;");
            writer.Close();
        }

        private static void EmitUnion(SourceWriter writer, ContractModel contract, UnionTypeModel type)
        {
            CSharpText.Doc(writer, "summary", type.Description ?? "One of the kinds of " + type.Name + " the contract lists, told apart by " + type.DiscriminatorJsonName + ".");
            writer.Line("/// <remarks>");
            writer.Line("/// The member <c>" + string.Join(" ", CSharpText.DocLines(type.DiscriminatorJsonName)) + "</c> tells the kind:");
            foreach (UnionCaseModel union in type.Cases)
            {
                writer.Line("/// <c>" + string.Join(" ", CSharpText.DocLines(union.Value)) + "</c> is a <see cref=\"" + union.TypeName + "\"/>;");
            }

            writer.Line("/// any other value is refused with a JsonException.");
            writer.Line("/// </remarks>");
            writer.Line("[" + JsonConverterAttribute + "(typeof(" + type.Name + "JsonConverter))]");
            writer.Line(contract.Accessibility + " abstract partial record " + type.Name + ";");
            writer.Line();
        }

        private static void EmitEnum(SourceWriter writer, ContractModel contract, EnumTypeModel type)
        {
            string name = type.Name;
            CSharpText.Doc(writer, "summary", type.Description ?? "The known values of " + name + ".");
            writer.Line("/// <remarks>An extensible enum: values the contract does not list are kept, not rejected.</remarks>");
            writer.Line("[" + JsonConverterAttribute + "(typeof(" + name + "JsonConverter))]");
            writer.Open(contract.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
            writer.Line("private readonly string? _value;");
            writer.Line();
            writer.Line("/// <summary>Wraps a wire value, known or not.</summary>");
            writer.Open("public " + name + "(string value)");
            writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            writer.Close();
            foreach (EnumMemberModel member in type.Members)
            {
                writer.Line();
                writer.Line("/// <summary>The value <c>" + string.Join(" ", CSharpText.DocLines(member.Value)) + "</c>.</summary>");
                writer.Line("public static " + name + " " + member.Name + " { get; } = new " + name + "(" + CSharpText.Literal(member.Value) + ");");
            }

            writer.Line();
            writer.Line("/// <summary>The value as sent on the wire.</summary>");
            writer.Line("public string Value => _value ?? string.Empty;");
            writer.Line();
            writer.Line("/// <summary>Whether the value is one the contract lists.</summary>");
            writer.Open("public bool IsKnown => Value switch");
            foreach (EnumMemberModel member in type.Members)
            {
                writer.Line(CSharpText.Literal(member.Value) + " => true,");
            }

            writer.Line("_ => false,");
            writer.Close(";");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override string ToString() => Value;");
            writer.Line();
            writer.Line("/// <summary>Compares wire values.</summary>");
            writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
            writer.Line();
            writer.Line("/// <summary>Compares wire values.</summary>");
            writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
            writer.Close();
            writer.Line();
        }
    }
}
