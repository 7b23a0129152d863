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
            CSharpText.Doc(writer, "summary", type.Description ?? $"The {type.Name} object of the contract.");
            writer.Line($"[{JsonConverterAttribute}(typeof({type.Name}JsonConverter))]");
            string baseType = type.BaseType != null ? $" : {type.BaseType}" : string.Empty;
            writer.Open($"{contract.Accessibility} sealed partial record {type.Name}{baseType}");
            bool first = true;
            ComposedPartModel? part = type.ComposedPart;
            if (part != null)
            {
                string partType = part.Type.CSharpType;
                string partTypeName = CSharpText.Code(partType.Substring(partType.LastIndexOf('.') + 1));
                CSharpText.DocOrDefault(writer, "summary", part.Description, $"The {partTypeName} this object spreads.");
                writer.Block($$"""
                    /// <remarks>Composed (allOf): its members are read from and written into the same JSON object as the members below.</remarks>
                    public required {{partType}} {{part.Name}} { get; init; }
                    """);
                first = false;
            }

            foreach (PropertyModel property in type.Properties)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                EmitProperty(writer, property);
            }

            if (type.KeepsAdditionalProperties)
            {
                if (!first)
                {
                    writer.Line();
                }

                writer.Block("""
                    /// <summary>Fields the contract does not describe, kept as sent so nothing is lost.</summary>
                    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; init; }
                    """);
            }

            if (type.Properties.Any(p => p.IsSensitive))
            {
                writer.Line();
                EmitMaskedPrintMembers(writer, type, derived: type.BaseType != null);
            }

            writer.Close();
            writer.Line();
        }

        private static void EmitProperty(SourceWriter writer, PropertyModel property)
        {
            CSharpText.DocOrDefault(writer, "summary", property.Description, $"The {CSharpText.Code(property.JsonName)} field.");
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

            writer.Line($"[{JsonPropertyNameAttribute}({CSharpText.Literal(property.JsonName)})]");
            string required = property.IsRequired ? "required " : string.Empty;
            string nullable = property.HasNullableType ? "?" : string.Empty;
            string initializer = property.DefaultValue != null && !property.IsRequired ? $" = {property.DefaultValue};" : string.Empty;
            writer.Line($"public {required}{property.Type.CSharpType}{nullable} {property.Name} {{ get; init; }}{initializer}");
        }

        /// <summary>
        /// Replaces the record's generated PrintMembers, which ToString() uses, so secrets never reach logs or
        /// exception messages: the output keeps the record format with sensitive members shown as ***.
        /// </summary>
        private static void EmitMaskedPrintMembers(SourceWriter writer, ObjectTypeModel type, bool derived)
        {
            writer.Line("/// <summary>Prints the members as a record does, with the contract's sensitive members masked as <c>***</c>.</summary>");
            string modifiers = derived ? "protected override" : "private";
            writer.Open($"{modifiers} bool PrintMembers(global::System.Text.StringBuilder builder)");
            bool deprecated = type.Properties.Any(p => p.IsDeprecated && !p.IsSensitive);
            if (deprecated)
            {
                writer.Line("#pragma warning disable CS0618 // Deprecated members are printed too.");
            }

            string separator = string.Empty;
            ComposedPartModel? part = type.ComposedPart;
            if (part != null)
            {
                EmitPrintedMember(writer, separator, part.Name);
                separator = ", ";
            }

            foreach (PropertyModel property in type.Properties)
            {
                if (property.IsSensitive)
                {
                    string masked = CSharpText.Literal($"{separator}{property.Name} = ***");
                    writer.Line($"builder.Append({masked});");
                }
                else
                {
                    EmitPrintedMember(writer, separator, property.Name);
                }

                separator = ", ";
            }

            if (type.KeepsAdditionalProperties)
            {
                EmitPrintedMember(writer, separator, "AdditionalProperties");
            }

            if (deprecated)
            {
                writer.Line("#pragma warning restore CS0618");
            }

            writer.Line("return true;");
            writer.Close();
        }

        /// <summary>Prints one member as a record does: its name, " = ", then its value.</summary>
        private static void EmitPrintedMember(SourceWriter writer, string separator, string memberName)
        {
            string label = CSharpText.Literal($"{separator}{memberName} = ");
            writer.Block($"""
                builder.Append({label});
                builder.Append({memberName});
                """);
        }

        private static void EmitUnion(SourceWriter writer, ContractModel contract, UnionTypeModel type)
        {
            CSharpText.Doc(writer, "summary", type.Description ?? $"One of the kinds of {type.Name} the contract lists, told apart by {type.DiscriminatorJsonName}.");
            writer.Block($"""
                /// <remarks>
                /// The member {CSharpText.Code(type.DiscriminatorJsonName)} tells the kind:
                """);
            foreach (UnionCaseModel union in type.Cases)
            {
                writer.Line($"/// {CSharpText.Code(union.Value)} is a <see cref=\"{union.TypeName}\"/>;");
            }

            writer.Block($"""
                /// any other value is refused with a JsonException.
                /// </remarks>
                [{JsonConverterAttribute}(typeof({type.Name}JsonConverter))]
                {contract.Accessibility} abstract partial record {type.Name};
                """);
            writer.Line();
        }

        private static void EmitEnum(SourceWriter writer, ContractModel contract, EnumTypeModel type)
        {
            string name = type.Name;
            CSharpText.Doc(writer, "summary", type.Description ?? $"The known values of {name}.");
            writer.Block($"""
                /// <remarks>An extensible enum: values the contract does not list are kept, not rejected.</remarks>
                [{JsonConverterAttribute}(typeof({name}JsonConverter))]
                """);
            writer.Open($"{contract.Accessibility} readonly partial struct {name} : global::System.IEquatable<{name}>");
            writer.Block($$"""
                private readonly string? _value;

                /// <summary>Wraps a wire value, known or not.</summary>
                public {{name}}(string value)
                {
                    _value = value ?? throw new global::System.ArgumentNullException(nameof(value));
                }
                """);
            foreach (EnumMemberModel member in type.Members)
            {
                writer.Line();
                writer.Block($$"""
                    /// <summary>The value {{CSharpText.Code(member.Value)}}.</summary>
                    public static {{name}} {{member.Name}} { get; } = new {{name}}({{CSharpText.Literal(member.Value)}});
                    """);
            }

            writer.Line();
            writer.Block("""
                /// <summary>The value as sent on the wire.</summary>
                public string Value => _value ?? string.Empty;

                /// <summary>Whether the value is one the contract lists.</summary>
                """);
            writer.Open("public bool IsKnown => Value switch");
            foreach (EnumMemberModel member in type.Members)
            {
                writer.Line($"{CSharpText.Literal(member.Value)} => true,");
            }

            writer.Line("_ => false,");
            writer.Close(";");
            writer.Line();
            writer.Block($"""
                /// <inheritdoc />
                public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

                /// <inheritdoc />
                public override bool Equals(object? obj) => obj is {name} other && Equals(other);

                /// <inheritdoc />
                public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

                /// <inheritdoc />
                public override string ToString() => Value;

                /// <summary>Compares wire values.</summary>
                public static bool operator ==({name} left, {name} right) => left.Equals(right);

                /// <summary>Compares wire values.</summary>
                public static bool operator !=({name} left, {name} right) => !left.Equals(right);
                """);
            writer.Close();
            writer.Line();
        }
    }
}
