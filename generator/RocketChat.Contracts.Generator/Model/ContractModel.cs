namespace RocketChat.Contracts.Generator.Model
{
    /// <summary>Everything the emitters need from one contract file; equatable so unchanged contracts are not re-emitted.</summary>
    internal sealed record ContractModel(
        string SourcePath,
        string HintPrefix,
        string Namespace,
        string ClientName,
        bool IsPublic,
        string? Title,
        string? Description,
        EquatableArray<ObjectTypeModel> Objects,
        EquatableArray<EnumTypeModel> Enums,
        EquatableArray<ClientModel> Clients,
        EquatableArray<TypeRef> RootTypes,
        EquatableArray<DiagnosticInfo> Diagnostics,
        EquatableArray<UnionTypeModel> Unions = default,
        EquatableArray<SecuritySchemeModel> SecuritySchemes = default,
        EquatableArray<OperationSecurityModel> OperationSecurity = default)
    {
        public string Accessibility => IsPublic ? "public" : "internal";

        public string ContextName => ClientName + "JsonContext";
    }

    internal sealed record ObjectTypeModel(
        string Name,
        string? Description,
        EquatableArray<PropertyModel> Properties,
        bool KeepsAdditionalProperties,
        string? BaseType = null,
        ComposedPartModel? ComposedPart = null);

    /// <summary>
    /// The part of an <c>allOf</c> that is a record of a referenced contract: one member of the composed record, read
    /// from and written into the same JSON object as the record's own members. <paramref name="KeepsAdditionalProperties"/>:
    /// the part's record keeps unknown members, among which it would find the composed record's own; they are taken out.
    /// <paramref name="IsWrittenFirst"/>: the part comes first in the allOf, so its members are written before the own
    /// ones (<c>{...part, own}</c>), else after them (<c>{own, ...part}</c>), as the server orders them.
    /// </summary>
    internal sealed record ComposedPartModel(string Name, TypeRef Type, string? Description, bool KeepsAdditionalProperties, bool IsWrittenFirst);

    /// <summary>
    /// A oneOf/anyOf with a discriminator: an abstract record whose derived records are told apart by the value of
    /// the member <paramref name="DiscriminatorJsonName"/>.
    /// </summary>
    internal sealed record UnionTypeModel(
        string Name,
        string? Description,
        string DiscriminatorJsonName,
        EquatableArray<UnionCaseModel> Cases);

    /// <summary>The record read when the discriminator holds <paramref name="Value"/>.</summary>
    internal sealed record UnionCaseModel(string Value, string TypeName);

    internal sealed record PropertyModel(
        string JsonName,
        string Name,
        TypeRef Type,
        bool IsRequired,
        bool IsNullable,
        string? Description,
        bool IsDeprecated,
        bool IsSensitive,
        PropertyAccess Access = PropertyAccess.ReadWrite,
        string? DefaultValue = null)
    {
        /// <summary>The reader must know whether the member was sent: to require it, or to apply its default.</summary>
        public bool TracksPresence => IsRequired || DefaultValue != null;

        /// <summary>The C# property may hold null (<c>T?</c>): it is optional, or its schema admits null.</summary>
        public bool HasNullableType => !IsRequired || IsNullable;
    }

    /// <summary>OpenAPI readOnly (server to client only) and writeOnly (client to server only).</summary>
    internal enum PropertyAccess
    {
        ReadWrite,
        ReadOnly,
        WriteOnly,
    }

    internal sealed record EnumTypeModel(string Name, string? Description, EquatableArray<EnumMemberModel> Members);

    internal sealed record EnumMemberModel(string Name, string Value);

    /// <summary>
    /// One client per tag: an interface (I + <paramref name="ClassName"/>) and its implementation, exposed on the root
    /// client as the property <paramref name="Name"/>.
    /// </summary>
    internal sealed record ClientModel(string Name, string ClassName, string? Description, EquatableArray<OperationModel> Operations);

    internal enum ParameterLocation
    {
        Path,
        Query,
        Header,
    }

    /// <summary>OpenAPI's style/explode pair, reduced to the forms the runtime writes.</summary>
    internal enum ParameterStyle
    {
        /// <summary>Paths and headers: arrays joined by commas.</summary>
        Simple,

        /// <summary>Query default: <c>a=1&amp;a=2</c>, object properties as parameters of their own.</summary>
        FormExploded,

        /// <summary>Query, not exploded: <c>a=1,2</c>.</summary>
        Form,

        SpaceDelimited,

        PipeDelimited,

        /// <summary><c>a[key]=value</c>.</summary>
        DeepObject,
    }

    internal sealed record ParameterModel(
        string WireName,
        string Name,
        ParameterLocation Location,
        TypeRef Type,
        bool IsRequired,
        bool IsJson,
        string? Description,
        ParameterStyle Style = ParameterStyle.FormExploded);

    /// <summary>Offset/count paging: which response property holds the items and what they are.</summary>
    internal sealed record PagingModel(string ItemsProperty, TypeRef ItemType, string TotalProperty);

    internal sealed record OperationModel(
        string Name,
        string HttpMethod,
        string Path,
        string? Summary,
        string? Description,
        bool IsDeprecated,
        string? SecurityField,
        EquatableArray<ParameterModel> Parameters,
        TypeRef? Body,
        bool IsBodyRequired,
        TypeRef? Response,
        PagingModel? Paging,
        ResponseBodyKind ResponseKind = ResponseBodyKind.Json,
        string? Accept = null,
        RequestBodyEncoding BodyEncoding = RequestBodyEncoding.Json,
        EquatableArray<FormFieldModel> FormFields = default,
        string? BodyMediaType = null);

    /// <summary>How the request body is written: JSON from <see cref="OperationModel.Body"/>, or form fields.</summary>
    internal enum RequestBodyEncoding
    {
        Json,
        Multipart,
        UrlEncoded,

        /// <summary>A text body (text/*, XML) passed as a string.</summary>
        Text,

        /// <summary>Any other media type, passed as a caller-owned stream.</summary>
        Binary,
    }

    /// <summary>One field of a form body, a method parameter of its own; files are sent as file parts.</summary>
    internal sealed record FormFieldModel(string WireName, string Name, TypeRef Type, bool IsFile, bool IsRequired, string? Description);

    /// <summary>What a successful response's body becomes: a JSON-read type, a string, a stream, or nothing.</summary>
    internal enum ResponseBodyKind
    {
        None,
        Json,
        Text,
        Binary,
    }
}
