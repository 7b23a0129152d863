namespace RocketChat.Contracts.Generator.Model
{
    internal enum SecuritySchemeKind
    {
        ApiKeyHeader,
        ApiKeyQuery,
        HttpBearer,
        HttpBasic,
    }

    /// <summary>A scheme of <c>components.securitySchemes</c> the runtime can send, exposed as a static field.</summary>
    internal sealed record SecuritySchemeModel(string Key, string FieldName, SecuritySchemeKind Kind, string? ParameterName, string? Description);

    /// <summary>One alternative of a <c>security</c> list: the fields of the schemes sent together (none: anonymous allowed).</summary>
    internal sealed record SecurityRequirementModel(EquatableArray<string> SchemeFields);

    /// <summary>A distinct effective <c>security</c> of some operations, emitted once as a static field.</summary>
    internal sealed record OperationSecurityModel(string FieldName, EquatableArray<SecurityRequirementModel> Alternatives);
}
