namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>One AdditionalFiles contract with its text and settings: the equatable input of the parse step.</summary>
    internal sealed record ContractInput(
        string Path,
        string Text,
        string? Namespace,
        string? ClientName,
        string? Visibility,
        string? RootNamespace);
}
