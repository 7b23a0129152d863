using System.Globalization;
using RocketChat.Contracts.Generator.Model;

namespace RocketChat.Contracts.Generator.Emit
{
    /// <summary>
    /// The reading and writing code for one <see cref="TypeRef"/>, shared by converters and the context.
    /// </summary>
    /// <remarks>
    /// A member is one call into the runtime's JsonMembers, and list items are read and written by method groups
    /// rather than lambdas: the compiler and the trim analyzer (IsAotCompatible) walk every branch and every lambda of
    /// the generated code at each build, so fewer of them is a faster build for every consumer.
    /// </remarks>
    internal static class JsonCode
    {
        public const string Reader = "global::System.Text.Json.Utf8JsonReader";
        public const string Runtime = "global::RocketChat.Contracts.Runtime.Json";
        public const string Collections = Runtime + ".JsonCollections";
        public const string Scalars = Runtime + ".JsonScalars";
        public const string Members = Runtime + ".JsonMembers";

        /// <summary>
        /// A call that, at a property name, reads the member named by <paramref name="utf8Name"/> (a u8 literal) into
        /// <paramref name="local"/> and returns true, or returns false for any other name.
        /// </summary>
        public static string TryReadMember(TypeRef type, string utf8Name, string local) => type.Kind switch
        {
            TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTimeOffset
                => $"{Members}.TryRead{type.Kind}(ref reader, {utf8Name}, ref {local})",
            TypeKind.Json => $"{Members}.TryReadElement(ref reader, {utf8Name}, ref {local})",
            TypeKind.Object => $"{Members}.TryReadObject(ref reader, {utf8Name}, {type.Name}JsonConverter.ReadValue, ref {local})",
            TypeKind.Enum => $"{Members}.TryReadEnum(ref reader, {utf8Name}, {type.Name}JsonConverter.ReadValue, ref {local})",
            TypeKind.Array => $"{Members}.TryReadList(ref reader, {utf8Name}, {ItemReader(type.Element!, 0)}, ref {local})",
            TypeKind.Map => $"{Members}.TryReadMap(ref reader, {utf8Name}, {ItemReader(type.Element!, 0)}, ref {local})",
            _ => throw Unhandled(type),
        };

        /// <summary>An expression reading a non-null value at <paramref name="reader"/>'s current token.</summary>
        public static string Read(TypeRef type, string reader, int depth = 0) => type.Kind switch
        {
            TypeKind.Array => $"{Collections}.ReadList(ref {reader}, {ItemReader(type.Element!, depth + 1)})",
            TypeKind.Map => $"{Collections}.ReadMap(ref {reader}, {ItemReader(type.Element!, depth + 1)})",
            _ => $"{ItemReader(type, depth)}(ref {reader})",
        };

        /// <summary>A JsonReadFunc for a non-null value: a method group, or a static lambda for a nested collection.</summary>
        public static string ItemReader(TypeRef type, int depth) => type.Kind switch
        {
            TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTimeOffset
                => $"{Scalars}.Read{type.Kind}",
            TypeKind.Json => "global::System.Text.Json.JsonElement.ParseValue",
            TypeKind.Object or TypeKind.Enum => $"{type.Name}JsonConverter.ReadValue",
            TypeKind.Array or TypeKind.Map => $"static (ref {Reader} {Item("r", depth)}) => {Read(type, Item("r", depth), depth)}",
            _ => throw Unhandled(type),
        };

        /// <summary>
        /// One call writing the property <paramref name="name"/> (a JsonEncodedText expression) with <paramref name="value"/>,
        /// which may be null when <paramref name="nullableValue"/>: left out, or written as JSON null when
        /// <paramref name="orNull"/> (a required member).
        /// </summary>
        public static string WriteProperty(TypeRef type, string name, string value, bool nullableValue, bool orNull)
        {
            string orNullSuffix = orNull ? "OrNull" : string.Empty;
            return type.Kind switch
            {
                // Dates go out as the server writes them (UTC, milliseconds, Z), not as .NET's round-trip "o" form.
                TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean
                    => $"{Members}.Write{type.Kind}{orNullSuffix}(writer, {name}, {value});",
                // Enums are structs: the property is nullable unless it is required and admits no null.
                TypeKind.Enum => $"{Members}.WriteString{orNullSuffix}(writer, {name}, {value}{(nullableValue ? "?" : string.Empty)}.Value);",
                TypeKind.Json => $"{Members}.WriteElement{orNullSuffix}(writer, {name}, {value});",
                TypeKind.Object => $"{Members}.WriteObject{orNullSuffix}(writer, {name}, {value}, {type.Name}JsonConverter.WriteValue);",
                TypeKind.Array => $"{Members}.WriteList{orNullSuffix}(writer, {name}, {value}, {ItemWriter(type.Element!, 0)});",
                TypeKind.Map => $"{Members}.WriteMap{orNullSuffix}(writer, {name}, {value}, {ItemWriter(type.Element!, 0)});",
                _ => throw Unhandled(type),
            };
        }

        /// <summary>One statement writing the non-null value <paramref name="value"/> (a root value).</summary>
        public static string Write(TypeRef type, string value, int depth = 0) => type.Kind switch
        {
            TypeKind.Array => $"{Collections}.WriteList(writer, {value}, {ItemWriter(type.Element!, depth + 1)});",
            TypeKind.Map => $"{Collections}.WriteMap(writer, {value}, {ItemWriter(type.Element!, depth + 1)});",
            _ => $"{ItemWriter(type, depth)}(writer, {value});",
        };

        /// <summary>An item writer for a non-null value: a method group, or a static lambda for a nested collection.</summary>
        public static string ItemWriter(TypeRef type, int depth) => type.Kind switch
        {
            TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTimeOffset
                => $"{Scalars}.Write{type.Kind}",
            TypeKind.Json => $"{Scalars}.WriteElement",
            TypeKind.Object or TypeKind.Enum => $"{type.Name}JsonConverter.WriteValue",
            TypeKind.Array => NestedItemWriter("WriteList", type, depth),
            TypeKind.Map => NestedItemWriter("WriteMap", type, depth),
            _ => throw Unhandled(type),
        };

        /// <summary>A static lambda writing a nested collection; its parameters are named by depth (w0, v0, w1, v1…).</summary>
        private static string NestedItemWriter(string collectionMethod, TypeRef type, int depth)
        {
            string writer = Item("w", depth);
            string value = Item("v", depth);
            return $"static ({writer}, {value}) => {Collections}.{collectionMethod}({writer}, {value}, {ItemWriter(type.Element!, depth + 1)})";
        }

        /// <summary>
        /// Every <see cref="TypeKind"/> is handled above; a new one must fail the build loudly (RCG099) rather than
        /// emit code that reads a default or writes nothing.
        /// </summary>
        // Stryker disable once all : unreachable while every TypeKind has its arm
        private static System.ArgumentOutOfRangeException Unhandled(TypeRef type) =>
            new System.ArgumentOutOfRangeException(nameof(type), type.Kind, "No JSON code for this kind of type.");

        /// <summary>A lambda parameter name for a nesting depth ("v0", "w1"...): the depth is written culture-invariant.</summary>
        private static string Item(string prefix, int depth) => $"{prefix}{depth.ToString(CultureInfo.InvariantCulture)}";
    }
}
