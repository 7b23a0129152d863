using System.Collections.Generic;
using System.Linq;
using RocketChat.Contracts.Generator.Model;
using RocketChat.Contracts.Generator.Parsing;

namespace RocketChat.Contracts.Generator.Emit
{
    /// <summary>What a method parameter carries, which decides how the client sends it.</summary>
    internal enum ParameterRole
    {
        /// <summary>A path, query or header value of the contract.</summary>
        Value,

        /// <summary>The JSON request body.</summary>
        JsonBody,

        /// <summary>A text or binary request body passed as it is (string or Stream).</summary>
        RawBody,

        /// <summary>A field of a form body (multipart or URL-encoded).</summary>
        FormField,
    }

    /// <summary>One C# parameter of a generated method: a contract parameter, the request body or a form field.</summary>
    internal sealed class MethodParameter
    {
        private const string FilePart = "global::RocketChat.Contracts.Runtime.FilePart";

        private MethodParameter(ParameterRole role, string name, string wireName, TypeRef type, bool isRequired, string? description)
        {
            Role = role;
            Name = name;
            WireName = wireName;
            Type = type;
            IsRequired = isRequired;
            Description = description;
        }

        public ParameterRole Role { get; }

        public string Name { get; }

        /// <summary>The name on the wire: the parameter's or the form field's; "body" for a body.</summary>
        public string WireName { get; }

        /// <summary>Where a <see cref="ParameterRole.Value"/> goes; null for bodies and form fields.</summary>
        public ParameterLocation? Location { get; private set; }

        public TypeRef Type { get; }

        public bool IsRequired { get; }

        /// <summary>A value sent as JSON text (a query or header value whose content is application/json).</summary>
        public bool IsJson { get; private set; }

        public string? Description { get; }

        public ParameterStyle Style { get; private set; } = ParameterStyle.FormExploded;

        /// <summary>A file part (or list of them) of a multipart body.</summary>
        public bool IsFile { get; private set; }

        /// <summary>The C# type of a raw body: string for text, Stream for binary.</summary>
        public string? RawBodyType { get; private set; }

        public string CSharpType => RawBodyType ?? (IsFile
            ? (Type.Kind == TypeKind.Array ? $"global::System.Collections.Generic.IReadOnlyList<{FilePart}>" : FilePart)
            : Type.CSharpType);

        public string Declaration => IsRequired
            ? $"{CSharpType} {Name}"
            : $"{CSharpType}? {Name} = null";

        public static MethodParameter ForValue(ParameterModel parameter) =>
            new MethodParameter(ParameterRole.Value, parameter.Name, parameter.WireName, parameter.Type, parameter.IsRequired, parameter.Description)
            {
                Location = parameter.Location,
                IsJson = parameter.IsJson,
                Style = parameter.Style,
            };

        public static MethodParameter ForJsonBody(string name, TypeRef type, bool isRequired) =>
            new MethodParameter(ParameterRole.JsonBody, name, "body", type, isRequired, "The request body.");

        public static MethodParameter ForRawBody(string name, bool isText, bool isRequired) =>
            new MethodParameter(ParameterRole.RawBody, name, "body", TypeRef.String, isRequired, isText ? "The request body, sent as text." : "The request body, read from its current position and sent as it is; the stream stays the caller's.")
            {
                RawBodyType = isText ? "string" : "global::System.IO.Stream",
            };

        public static MethodParameter ForFormField(FormFieldModel field) =>
            new MethodParameter(ParameterRole.FormField, field.Name, field.WireName, field.Type, field.IsRequired, field.Description)
            {
                IsFile = field.IsFile,
            };
    }

    /// <summary>The C# signature of an operation (and of its paging companion), derived from the model.</summary>
    internal sealed class MethodShape
    {
        private const string CancellationTokenDeclaration = "global::System.Threading.CancellationToken cancellationToken = default";

        private MethodShape(OperationModel operation, List<MethodParameter> parameters)
        {
            Parameters = parameters;
            string returns = operation.ResponseKind switch
            {
                ResponseBodyKind.Json when operation.Response != null => $"global::System.Threading.Tasks.Task<{operation.Response.CSharpType}>",
                ResponseBodyKind.Text => "global::System.Threading.Tasks.Task<string>",
                ResponseBodyKind.Binary => "global::System.Threading.Tasks.Task<global::System.IO.Stream>",
                _ => "global::System.Threading.Tasks.Task",
            };
            var declarations = parameters.Select(p => p.Declaration).Concat(new[] { CancellationTokenDeclaration });
            Signature = $"{returns} {operation.Name}Async({string.Join(", ", declarations)})";

            Paging = operation.Paging;
            if (Paging != null)
            {
                PagingParameters = parameters
                    .Where(p => !(p.Location == ParameterLocation.Query && (p.WireName == "offset" || p.WireName == "count")))
                    .ToList();
                var pagingDeclarations = PagingParameters.Select(p => p.Declaration)
                    .Concat(new[] { "int pageSize = 50", CancellationTokenDeclaration });
                string items = $"global::System.Collections.Generic.IAsyncEnumerable<{Paging.ItemType.CSharpType}>";
                PagingSignature = $"{items} {PagingMethodName(operation.Name)}({string.Join(", ", pagingDeclarations)})";
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
                    return $"Enumerate{operationName.Substring(verb.Length)}Async";
                }
            }

            return $"Enumerate{operationName}Async";
        }

        /// <summary>Path parameters, then required ones and the body, then optional ones (with defaults).</summary>
        public static MethodShape For(OperationModel operation)
        {
            var taken = new HashSet<string>(operation.Parameters.Select(p => p.Name));
            var required = new List<MethodParameter>();
            var optional = new List<MethodParameter>();
            foreach (ParameterModel parameter in operation.Parameters)
            {
                List<MethodParameter> list = parameter.IsRequired ? required : optional;
                list.Add(MethodParameter.ForValue(parameter));
            }

            if (operation.Body != null)
            {
                string bodyName = Identifiers.Unique("request", taken);
                AddBody(required, optional, operation.IsBodyRequired, MethodParameter.ForJsonBody(bodyName, operation.Body, operation.IsBodyRequired));
            }

            if (operation.BodyEncoding is RequestBodyEncoding.Text or RequestBodyEncoding.Binary)
            {
                string bodyName = Identifiers.Unique("content", taken);
                var raw = MethodParameter.ForRawBody(bodyName, operation.BodyEncoding == RequestBodyEncoding.Text, operation.IsBodyRequired);
                AddBody(required, optional, operation.IsBodyRequired, raw);
            }

            int optionalFields = 0;
            foreach (FormFieldModel field in operation.FormFields)
            {
                MethodParameter item = MethodParameter.ForFormField(field);
                if (field.IsRequired)
                {
                    required.Add(item);
                }
                else
                {
                    optional.Insert(optionalFields++, item);
                }
            }

            return new MethodShape(operation, required.Concat(optional).ToList());
        }

        /// <summary>A body comes last among the required parameters, or first among the optional ones.</summary>
        private static void AddBody(List<MethodParameter> required, List<MethodParameter> optional, bool isRequired, MethodParameter body)
        {
            if (isRequired)
            {
                required.Add(body);
            }
            else
            {
                optional.Insert(0, body);
            }
        }
    }
}
