using System.Linq;
using RocketChat.Contracts.Generator.Model;

namespace RocketChat.Contracts.Generator.Emit
{
    /// <summary>
    /// Emits <c>XxxSecuritySchemes</c>: one public field per security scheme (what a credential provider is asked
    /// for) and one internal field per distinct operation security (what each generated call requires).
    /// </summary>
    internal static class SecurityEmitter
    {
        private const string Runtime = "global::RocketChat.Contracts.Runtime";

        public static string ClassName(ContractModel contract) => $"{contract.ClientName}SecuritySchemes";

        /// <summary>The expression a generated call passes to ApiRequest for its security.</summary>
        public static string For(ContractModel contract, OperationModel operation) =>
            operation.SecurityField == null ? $"{Runtime}.OperationSecurity.Public" : $"{ClassName(contract)}.{operation.SecurityField}";

        public static void Emit(SourceWriter writer, ContractModel contract)
        {
            if (contract.SecuritySchemes.Count == 0)
            {
                return;
            }

            string className = ClassName(contract);
            string exampleName = $"{className}.{contract.SecuritySchemes[0].FieldName}.Name";
            writer.Block($"""
                /// <summary>
                /// The contract's security schemes. A <see cref="{Runtime}.ISecurityCredentialProvider"/> is asked for each by name,
                /// e.g. <c>new SecurityCredentials().Set({exampleName}, ...)</c>.
                /// </summary>
                """);
            writer.Open($"{contract.Accessibility} static class {className}");
            bool first = true;
            foreach (SecuritySchemeModel scheme in contract.SecuritySchemes)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                CSharpText.DocOrDefault(writer, "summary", scheme.Description, Describe(scheme));
                writer.Line($"public static readonly {Runtime}.SecurityScheme {scheme.FieldName} = {Create(scheme)};");
            }

            foreach (OperationSecurityModel security in contract.OperationSecurity)
            {
                writer.Line();
                string needs = string.Join(" or ", security.Alternatives.Select(Needs));
                string alternatives = string.Join(", ", security.Alternatives.Select(Requirement));
                writer.Line($"/// <summary>The security of the operations that need {needs}.</summary>");
                writer.Line($"internal static readonly {Runtime}.OperationSecurity {security.FieldName} = new({alternatives});");
            }

            writer.Close();
            writer.Line();
        }

        /// <summary>One alternative in words for the docs: "nothing", or the schemes it needs together.</summary>
        private static string Needs(SecurityRequirementModel alternative) =>
            alternative.SchemeFields.Count == 0 ? "nothing" : string.Join(" and ", alternative.SchemeFields.Select(field => $"<see cref=\"{field}\"/>"));

        /// <summary>One alternative as the SecurityRequirement expression that builds it.</summary>
        private static string Requirement(SecurityRequirementModel alternative) =>
            $"new {Runtime}.SecurityRequirement({string.Join(", ", alternative.SchemeFields)})";

        private static string Create(SecuritySchemeModel scheme)
        {
            string name = CSharpText.Literal(scheme.Key);
            return scheme.Kind switch
            {
                SecuritySchemeKind.ApiKeyHeader => $"{Runtime}.SecurityScheme.ApiKeyHeader({name}, {CSharpText.Literal(scheme.ParameterName!)})",
                SecuritySchemeKind.ApiKeyQuery => $"{Runtime}.SecurityScheme.ApiKeyQuery({name}, {CSharpText.Literal(scheme.ParameterName!)})",
                SecuritySchemeKind.HttpBearer => $"{Runtime}.SecurityScheme.HttpBearer({name})",
                _ => $"{Runtime}.SecurityScheme.HttpBasic({name})",
            };
        }

        private static string Describe(SecuritySchemeModel scheme) => scheme.Kind switch
        {
            SecuritySchemeKind.ApiKeyHeader => $"An API key sent as the {CSharpText.Code(scheme.ParameterName!)} header.",
            SecuritySchemeKind.ApiKeyQuery => $"An API key sent as the {CSharpText.Code(scheme.ParameterName!)} query parameter.",
            SecuritySchemeKind.HttpBearer => "A bearer token in the Authorization header.",
            _ => "A user name and password in the Authorization header (basic).",
        };
    }
}
