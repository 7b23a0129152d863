namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>One AdditionalFiles contract with its text and settings: the equatable input of the parse step.</summary>
    internal sealed record ContractInput(
        string Path,
        string Text,
        string? Namespace,
        string? ClientName,
        string? Visibility,
        string? RootNamespace,
        string? Role = null)
    {
        /// <summary>The <c>ContractRole</c> value that marks an OpenAPI file read only to resolve other files' <c>$ref</c>s.</summary>
        public const string ReferenceRole = "Reference";

        /// <summary>An AsyncAPI document: read by the realtime pipeline, not as an OpenAPI contract.</summary>
        public bool IsAsyncApi => AsyncApiDocument.Recognize(Text);

        /// <summary>The <c>ContractRole</c> value that asks only the names of an AsyncAPI document: no payload types.</summary>
        public const string NamesRole = "Names";

        /// <summary>An AsyncAPI document of which only publication/method names and eventName builders are generated.</summary>
        public bool IsNamesOnly => string.Equals(Role, NamesRole, System.StringComparison.OrdinalIgnoreCase);

        /// <summary>Read for its schema names only; its code is generated elsewhere (another project).</summary>
        public bool IsReference => string.Equals(Role, ReferenceRole, System.StringComparison.OrdinalIgnoreCase);
    }
}
