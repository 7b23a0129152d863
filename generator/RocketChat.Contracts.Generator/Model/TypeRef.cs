namespace RocketChat.Contracts.Generator.Model
{
    internal enum TypeKind
    {
        String,
        Int32,
        Int64,
        Double,
        Boolean,
        DateTimeOffset,
        /// <summary>Arbitrary JSON kept as a JsonElement.</summary>
        Json,
        /// <summary>A generated record.</summary>
        Object,
        /// <summary>A generated extensible string enum.</summary>
        Enum,
        Array,
        Map,
    }

    /// <summary>The C# shape of a schema: a primitive, a generated type by name, or a list/map of another shape.</summary>
    internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null)
    {
        public static readonly TypeRef String = new TypeRef(TypeKind.String);
        public static readonly TypeRef Int32 = new TypeRef(TypeKind.Int32);
        public static readonly TypeRef Int64 = new TypeRef(TypeKind.Int64);
        public static readonly TypeRef Double = new TypeRef(TypeKind.Double);
        public static readonly TypeRef Boolean = new TypeRef(TypeKind.Boolean);
        public static readonly TypeRef DateTimeOffset = new TypeRef(TypeKind.DateTimeOffset);
        public static readonly TypeRef Json = new TypeRef(TypeKind.Json);

        public static TypeRef ArrayOf(TypeRef element) => new TypeRef(TypeKind.Array, null, element);

        public static TypeRef MapOf(TypeRef element) => new TypeRef(TypeKind.Map, null, element);

        public bool IsValueType =>
            Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean
                or TypeKind.DateTimeOffset or TypeKind.Json or TypeKind.Enum;

        /// <summary>The C# type without nullable annotation.</summary>
        public string CSharpType => Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Int32 => "int",
            TypeKind.Int64 => "long",
            TypeKind.Double => "double",
            TypeKind.Boolean => "bool",
            TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
            TypeKind.Json => "global::System.Text.Json.JsonElement",
            TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Element!.CSharpType + ">",
            TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Element!.CSharpType + ">",
            _ => Name!,
        };

        /// <summary>A short name used when a root JsonTypeInfo property must be named after the shape.</summary>
        public string DisplayName => Kind switch
        {
            TypeKind.Array => Element!.DisplayName + "List",
            TypeKind.Map => Element!.DisplayName + "Map",
            TypeKind.Object or TypeKind.Enum => Name!,
            _ => Kind.ToString(),
        };
    }
}
