using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Diagnostics
{
    /// <summary>The generator's diagnostics. Ids are stable: never renumber, only add.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "RocketChat.Contracts";

        /// <summary>Each id has a page with its cause and fix: docs/diagnostics/RCGnnn.md in the repository.</summary>
        private const string HelpLinkBase = "https://github.com/rocketchat-contracts/RocketChat.Contracts/blob/main/docs/diagnostics/";

        public static readonly DiagnosticDescriptor InvalidDocument = Error(
            "RCG001", "Contract is not valid YAML or JSON", "The contract cannot be parsed: {0}");

        public static readonly DiagnosticDescriptor NotOpenApi3 = Error(
            "RCG002", "Not an OpenAPI 3 document", "{0}");

        public static readonly DiagnosticDescriptor UnresolvedReference = Error(
            "RCG003", "Unresolved $ref", "The reference '{0}' does not resolve to anything in this contract");

        public static readonly DiagnosticDescriptor ExternalReference = Error(
            "RCG004", "External $ref refused", "The reference '{0}' points outside this contract; only local '#/components/...' references are followed");

        public static readonly DiagnosticDescriptor DuplicateOperationId = Error(
            "RCG005", "Duplicate operationId", "The operationId '{0}' is used more than once; this operation is skipped");

        public static readonly DiagnosticDescriptor OperationNameCollision = Warning(
            "RCG006", "Operation names collide", "The operation '{0}' maps to the C# name '{1}', already taken; it is generated as '{2}'");

        public static readonly DiagnosticDescriptor UnsupportedSchema = Warning(
            "RCG007", "Unsupported schema construct", "'{0}' is not supported here; the value is exposed as a JsonElement");

        public static readonly DiagnosticDescriptor UnsupportedMediaType = Warning(
            "RCG008", "Unsupported request body", "The operation '{0}' has a request body the generator cannot send ({1}); the operation is skipped");

        public static readonly DiagnosticDescriptor UnsupportedParameter = Warning(
            "RCG009", "Unsupported parameter", "The parameter '{0}' in '{1}' is not supported and is skipped: {2}");

        public static readonly DiagnosticDescriptor UndeclaredPathParameter = Warning(
            "RCG010", "Path parameter not declared", "The path '{0}' uses '{{{1}}}' without declaring it; it is generated as a required string");

        public static readonly DiagnosticDescriptor InvalidStructure = Error(
            "RCG011", "Invalid contract structure", "{0}");

        public static readonly DiagnosticDescriptor InvalidOption = Warning(
            "RCG012", "Invalid generator option", "The {0} '{1}' is not valid here; '{2}' is used instead");

        public static readonly DiagnosticDescriptor CircularReference = Error(
            "RCG013", "Circular $ref", "The reference '{0}' refers back to itself");

        public static readonly DiagnosticDescriptor UnknownType = Warning(
            "RCG014", "Unknown schema type", "The schema type '{0}' is not known; the value is exposed as a JsonElement");

        public static readonly DiagnosticDescriptor PropertyNameCollision = Warning(
            "RCG015", "Property names collide", "The property '{0}' of '{1}' maps to the C# name '{2}', already taken; it is generated as '{3}'");

        public static readonly DiagnosticDescriptor InvalidNameOverride = Warning(
            "RCG016", "Invalid x-csharp-name", "x-csharp-name '{0}' is not a plain C# identifier; '{1}' is used instead");

        public static readonly DiagnosticDescriptor OutputCollision = Error(
            "RCG017", "Contracts generate the same code", "This contract and '{2}' both generate namespace '{0}' with client '{1}'; no code is generated for either. Give each contract its own Namespace or ClientName metadata.");

        // Info, not a warning: the rename is stable and the code is right; a tag named like the contract is common.
        public static readonly DiagnosticDescriptor ClientNameCollision = Info(
            "RCG018", "Client names collide", "The tag '{0}' maps to the client class '{1}', already taken by {2}; it is generated as '{3}'");

        public static readonly DiagnosticDescriptor UnsupportedDefault = Warning(
            "RCG019", "Default value not applied", "This 'default' has no C# literal for a {0} member; it is not applied, the member reads as absent");

        public static readonly DiagnosticDescriptor SecuritySchemeNotApplied = Warning(
            "RCG030", "Security scheme not applied", "The security scheme '{0}' cannot be applied ({1}); requests that need it are sent without it");

        public static readonly DiagnosticDescriptor NotAsyncApi3 = Error(
            "RCG040", "Not an AsyncAPI 3 document", "{0}");

        public static readonly DiagnosticDescriptor ChannelWithoutAddress = Error(
            "RCG041", "Channel without address", "The channel '{0}' has no string 'address' (the DDP publication or method name); it is skipped");

        public static readonly DiagnosticDescriptor UnsupportedDdpKind = Error(
            "RCG042", "Unsupported x-ddp-kind", "The channel '{0}' has x-ddp-kind '{1}'; use 'publication' or 'method'. The channel is skipped");

        public static readonly DiagnosticDescriptor InvalidEventNameTemplate = Error(
            "RCG043", "Invalid x-ddp-event-name", "The x-ddp-event-name '{0}' of channel '{1}' is not valid: {2}. The channel is skipped");

        public static readonly DiagnosticDescriptor UnresolvedCrossFileReference = Error(
            "RCG044", "Unresolved cross-file $ref", "The reference '{0}' cannot be resolved: {1}; the value is exposed as a JsonElement");

        public static readonly DiagnosticDescriptor UntypedPayload = Warning(
            "RCG045", "Payload cannot be typed", "The payload of message '{0}' cannot be typed ({1}); it is exposed as a JsonElement");

        public static readonly DiagnosticDescriptor ChannelNameCollision = Warning(
            "RCG046", "Channel names collide", "The channel '{0}' maps to the C# name '{1}', already taken; it is generated as '{2}'");

        public static readonly DiagnosticDescriptor UncomposableAllOf = Warning(
            "RCG047", "allOf cannot be composed", "This allOf over a schema of another file cannot be one record ({0}); the value is exposed as a JsonElement");

        public static readonly DiagnosticDescriptor InternalError = Error(
            "RCG099", "Generator failure", "The contract generator failed unexpectedly: {0}");

        private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new Dictionary<string, DiagnosticDescriptor>();

        static DiagnosticDescriptors()
        {
            foreach (DiagnosticDescriptor d in new[]
            {
                InvalidDocument, NotOpenApi3, UnresolvedReference, ExternalReference, DuplicateOperationId,
                OperationNameCollision, UnsupportedSchema, UnsupportedMediaType, UnsupportedParameter,
                UndeclaredPathParameter, InvalidStructure, InvalidOption, CircularReference, UnknownType,
                PropertyNameCollision, InvalidNameOverride, OutputCollision, ClientNameCollision, UnsupportedDefault, SecuritySchemeNotApplied,
                NotAsyncApi3, ChannelWithoutAddress, UnsupportedDdpKind, InvalidEventNameTemplate, UnresolvedCrossFileReference, UntypedPayload,
                ChannelNameCollision, UncomposableAllOf, InternalError,
            })
            {
                s_byId.Add(d.Id, d);
            }
        }

        public static DiagnosticDescriptor ById(string id) => s_byId[id];

        private static DiagnosticDescriptor Error(string id, string title, string format) =>
            new DiagnosticDescriptor(id, title, format, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

        private static DiagnosticDescriptor Info(string id, string title, string format) =>
            new DiagnosticDescriptor(id, title, format, Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

        private static DiagnosticDescriptor Warning(string id, string title, string format) =>
            new DiagnosticDescriptor(id, title, format, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

        private static string HelpLink(string id) => HelpLinkBase + id + ".md";
    }
}
