namespace RocketChat.Contracts.Generator.Model
{
    /// <summary>
    /// Everything the realtime emitter needs from one AsyncAPI 3 document: its DDP channels, the argument types of
    /// their messages, and the records of its own schemas (kept as a <see cref="ContractModel"/> so the REST emitters
    /// write them). Equatable, so an unchanged document is not emitted again.
    /// </summary>
    internal sealed record RealtimeModel(
        string SourcePath,
        string HintPrefix,
        string Namespace,
        string ClassName,
        bool IsPublic,
        string? Title,
        string? Description,
        EquatableArray<ChannelModel> Channels,
        EquatableArray<ArgumentsTypeModel> ArgumentTypes,
        ContractModel Schemas,
        EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public string Accessibility => IsPublic ? "public" : "internal";

        /// <summary>The publication/eventName pair every subscribe helper returns.</summary>
        public string StreamTypeName => ClassName + "Stream";

        public string StreamsClassName => ClassName + "Streams";
    }

    /// <summary>What a channel is on the DDP side (<c>x-ddp-kind</c>).</summary>
    internal enum DdpKind
    {
        /// <summary>A publication: subscribed with <c>sub</c>, events arrive as <c>changed</c> frames.</summary>
        Publication,

        /// <summary>A method: called with <c>method</c>, answered by <c>result</c>.</summary>
        Method,
    }

    /// <summary>One AsyncAPI channel: a DDP publication or method, its eventName templates and its messages.</summary>
    internal sealed record ChannelModel(
        string Id,
        string Name,
        string Address,
        DdpKind Kind,
        string? Description,
        string? ReadRule,
        EquatableArray<EventNameModel> EventNames,
        TypeRef? ExtraData,
        EquatableArray<ChannelMessageModel> Messages);

    /// <summary>
    /// One <c>x-ddp-event-name</c> template such as <c>{roomId}/user-activity</c>: literal text and parameters in order.
    /// <paramref name="Name"/> is empty for a channel's only template, else what tells it apart (<c>Department</c>).
    /// </summary>
    internal sealed record EventNameModel(string Template, string Name, EquatableArray<EventNameSegment> Segments);

    /// <summary>Literal text (<paramref name="Parameter"/> false) or a parameter name written as a C# parameter.</summary>
    internal sealed record EventNameSegment(string Text, bool Parameter);

    /// <summary>A message of a channel and the C# shape of its payload: positional arguments or one value.</summary>
    internal sealed record ChannelMessageModel(string Id, string Name, string? Description, TypeRef Payload);

    /// <summary>
    /// A payload declared as a JSON array with positional <c>items</c>: DDP's <c>args</c> (or a method's <c>params</c>),
    /// read into one record whose members are the positions; the first <paramref name="RequiredCount"/> must be sent.
    /// </summary>
    internal sealed record ArgumentsTypeModel(string Name, string? Description, EquatableArray<ArgumentModel> Arguments, int RequiredCount);

    /// <summary>One position of an argument list.</summary>
    internal sealed record ArgumentModel(string Name, TypeRef Type, string? Description);

    /// <summary>
    /// The component schemas of an OpenAPI contract listed with <c>ContractRole="Reference"</c>: the C# types another
    /// project already generated from it, which an AsyncAPI document's cross-file <c>$ref</c>s name.
    /// </summary>
    internal sealed record ReferencedContract(string FileName, string Namespace, EquatableArray<ReferencedSchema> Schemas);

    /// <summary>
    /// One component schema of a referenced contract and its generated type, namespace-qualified. A record (not a union,
    /// enum or list) lists the JSON names of its members and whether it keeps unknown ones, so that an <c>allOf</c>
    /// composing it with members of its own can be checked for clashes and read back cleanly.
    /// </summary>
    internal sealed record ReferencedSchema(string Name, TypeRef Type, bool IsRecord, EquatableArray<string> JsonMembers, bool KeepsAdditionalProperties);
}
