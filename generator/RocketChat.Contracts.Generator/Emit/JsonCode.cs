using RocketChat.Contracts.Generator.Model;

namespace RocketChat.Contracts.Generator.Emit
{
    /// <summary>The reading and writing code for one <see cref="TypeRef"/>, shared by converters, the context and clients.</summary>
    internal static class JsonCode
    {
        public const string Reader = "global::System.Text.Json.Utf8JsonReader";
        public const string Collections = "global::RocketChat.Contracts.Runtime.Json.JsonCollections";
        public const string Scalars = "global::RocketChat.Contracts.Runtime.Json.JsonScalars";
        public const string Members = "global::RocketChat.Contracts.Runtime.Json.JsonMembers";

        /// <summary>An expression reading a non-null value at <paramref name="reader"/>'s current token.</summary>
        public static string Read(TypeRef type, string reader, int depth = 0)
        {
            switch (type.Kind)
            {
                case TypeKind.String:
                    return reader + ".GetString()!";
                // Scalars go through lenient readers: Rocket.Chat sends "true" and "42" as strings in places.
                case TypeKind.Int32:
                    return Scalars + ".ReadInt32(ref " + reader + ")";
                case TypeKind.Int64:
                    return Scalars + ".ReadInt64(ref " + reader + ")";
                case TypeKind.Double:
                    return Scalars + ".ReadDouble(ref " + reader + ")";
                case TypeKind.Boolean:
                    return Scalars + ".ReadBoolean(ref " + reader + ")";
                case TypeKind.DateTimeOffset:
                    return Scalars + ".ReadDateTimeOffset(ref " + reader + ")";
                case TypeKind.Json:
                    return "global::System.Text.Json.JsonElement.ParseValue(ref " + reader + ")";
                case TypeKind.Object:
                    return type.Name + "JsonConverter.ReadValue(ref " + reader + ")";
                case TypeKind.Enum:
                    return "new " + type.Name + "(" + reader + ".GetString()!)";
                case TypeKind.Array:
                case TypeKind.Map:
                    string item = "r" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    string method = type.Kind == TypeKind.Array ? "ReadList" : "ReadMap";
                    return Collections + "." + method + "(ref " + reader + ", static (ref " + Reader + " " + item + ") => "
                        + Read(type.Element!, item, depth + 1) + ")";
                default:
                    return "default!";
            }
        }

        /// <summary>
        /// One statement writing the property <paramref name="name"/> (a JsonEncodedText field) with the non-null value
        /// <paramref name="value"/>, or null when the type needs more than one (then: WritePropertyName and <see cref="Write"/>).
        /// </summary>
        public static string? WriteProperty(TypeRef type, string name, string value)
        {
            switch (type.Kind)
            {
                case TypeKind.String:
                case TypeKind.DateTimeOffset:
                    return "writer.WriteString(" + name + ", " + value + ");";
                case TypeKind.Int32:
                case TypeKind.Int64:
                case TypeKind.Double:
                    return "writer.WriteNumber(" + name + ", " + value + ");";
                case TypeKind.Boolean:
                    return "writer.WriteBoolean(" + name + ", " + value + ");";
                case TypeKind.Enum:
                    return "writer.WriteString(" + name + ", " + value + ".Value);";
                default:
                    return null;
            }
        }

        /// <summary>Statements writing the non-null value <paramref name="value"/>.</summary>
        public static void Write(SourceWriter writer, TypeRef type, string value, int depth = 0)
        {
            switch (type.Kind)
            {
                case TypeKind.String:
                case TypeKind.DateTimeOffset:
                    writer.Line("writer.WriteStringValue(" + value + ");");
                    break;
                case TypeKind.Int32:
                case TypeKind.Int64:
                case TypeKind.Double:
                    writer.Line("writer.WriteNumberValue(" + value + ");");
                    break;
                case TypeKind.Boolean:
                    writer.Line("writer.WriteBooleanValue(" + value + ");");
                    break;
                case TypeKind.Json:
                    writer.Line(value + ".WriteTo(writer);");
                    break;
                case TypeKind.Object:
                    writer.Line(type.Name + "JsonConverter.WriteValue(writer, " + value + ");");
                    break;
                case TypeKind.Enum:
                    writer.Line("writer.WriteStringValue(" + value + ".Value);");
                    break;
                case TypeKind.Array:
                    string item = "item" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    writer.Line("writer.WriteStartArray();");
                    writer.Open("foreach (var " + item + " in " + value + ")");
                    Write(writer, type.Element!, item, depth + 1);
                    writer.Close();
                    writer.Line("writer.WriteEndArray();");
                    break;
                case TypeKind.Map:
                    string pair = "pair" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    writer.Line("writer.WriteStartObject();");
                    writer.Open("foreach (var " + pair + " in " + value + ")");
                    writer.Line("writer.WritePropertyName(" + pair + ".Key);");
                    Write(writer, type.Element!, pair + ".Value", depth + 1);
                    writer.Close();
                    writer.Line("writer.WriteEndObject();");
                    break;
            }
        }
    }
}
