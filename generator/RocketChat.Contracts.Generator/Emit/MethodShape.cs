using System.Collections.Generic;
using System.Linq;
using RocketChat.Contracts.Generator.Model;
using RocketChat.Contracts.Generator.Parsing;

namespace RocketChat.Contracts.Generator.Emit
{
    /// <summary>One C# parameter of a generated method: a contract parameter or the request body.</summary>
    internal sealed class MethodParameter
    {
        public MethodParameter(string name, string wireName, ParameterLocation location, TypeRef type, bool isRequired, bool isJson, bool isBody, string? description, ParameterStyle style = ParameterStyle.FormExploded)
        {
            Style = style;
            Name = name;
            WireName = wireName;
            Location = location;
            Type = type;
            IsRequired = isRequired;
            IsJson = isJson;
            IsBody = isBody;
            Description = description;
        }

        public string Name { get; }

        public string WireName { get; }

        public ParameterLocation Location { get; }

        public TypeRef Type { get; }

        public bool IsRequired { get; }

        public bool IsJson { get; }

        public bool IsBody { get; }

        public string? Description { get; }

        public ParameterStyle Style { get; }

        public string Declaration => IsRequired
            ? Type.CSharpType + " " + Name
            : Type.CSharpType + "? " + Name + " = null";
    }

    /// <summary>The C# signature of an operation (and of its paging companion), derived from the model.</summary>
    internal sealed class MethodShape
    {
        private const string CancellationToken = "global::System.Threading.CancellationToken";

        private MethodShape(OperationModel operation, List<MethodParameter> parameters)
        {
            Parameters = parameters;
            string returns = operation.Response == null
                ? "global::System.Threading.Tasks.Task"
                : "global::System.Threading.Tasks.Task<" + operation.Response.CSharpType + ">";
            var declarations = parameters.Select(p => p.Declaration).Concat(new[] { CancellationToken + " cancellationToken = default" });
            Signature = returns + " " + operation.Name + "Async(" + string.Join(", ", declarations) + ")";

            Paging = operation.Paging;
            if (Paging != null)
            {
                PagingParameters = parameters
                    .Where(p => !(p.Location == ParameterLocation.Query && !p.IsBody && (p.WireName == "offset" || p.WireName == "count")))
                    .ToList();
                var pagingDeclarations = PagingParameters.Select(p => p.Declaration)
                    .Concat(new[] { "int pageSize = 50", CancellationToken + " cancellationToken = default" });
                PagingSignature = "global::System.Collections.Generic.IAsyncEnumerable<" + Paging.ItemType.CSharpType + "> "
                    + PagingMethodName(operation.Name) + "(" + string.Join(", ", pagingDeclarations) + ")";
            }
        }

        public List<MethodParameter> Parameters { get; }

        public string Signature { get; }

        public PagingModel? Paging { get; }

        public List<MethodParameter> PagingParameters { get; } = new List<MethodParameter>();

        public string PagingSignature { get; } = string.Empty;

        /// <summary>"ListRooms" → "EnumerateRoomsAsync": the verb is replaced, the noun kept.</summary>
        public static string PagingMethodName(string operationName)
        {
            foreach (string verb in new[] { "List", "Get", "Search" })
            {
                if (operationName.Length > verb.Length && operationName.StartsWith(verb, System.StringComparison.Ordinal)
                    && char.IsUpper(operationName[verb.Length]))
                {
                    return "Enumerate" + operationName.Substring(verb.Length) + "Async";
                }
            }

            return "Enumerate" + operationName + "Async";
        }

        /// <summary>Path parameters, then required ones and the body, then optional ones (with defaults).</summary>
        public static MethodShape For(OperationModel operation)
        {
            var taken = new HashSet<string>(operation.Parameters.Select(p => p.Name));
            var required = new List<MethodParameter>();
            var optional = new List<MethodParameter>();
            foreach (ParameterModel parameter in operation.Parameters)
            {
                var item = new MethodParameter(parameter.Name, parameter.WireName, parameter.Location, parameter.Type, parameter.IsRequired, parameter.IsJson, false, parameter.Description, parameter.Style);
                (parameter.IsRequired ? required : optional).Add(item);
            }

            if (operation.Body != null)
            {
                string bodyName = Identifiers.Unique("request", taken);
                var body = new MethodParameter(bodyName, "body", ParameterLocation.Query, operation.Body, operation.IsBodyRequired, false, true, "The request body.");
                (operation.IsBodyRequired ? required : optional).Insert(operation.IsBodyRequired ? required.Count : 0, body);
            }

            return new MethodShape(operation, required.Concat(optional).ToList());
        }
    }
}
