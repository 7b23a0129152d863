using System;
using System.Collections.Generic;
using System.Linq;
using RocketChat.Contracts.Generator.Diagnostics;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Reads <c>components.securitySchemes</c> and the root and per-operation <c>security</c> lists into the schemes the
    /// runtime sends and one named field per distinct operation security. What cannot be sent is reported (RCG030).
    /// </summary>
    internal sealed class SecurityReader
    {
        private const string UserIdHeader = "X-User-Id";
        private const string AuthTokenHeader = "X-Auth-Token";

        private readonly ContractContext _context;
        private readonly Dictionary<string, SecuritySchemeModel> _schemes = new Dictionary<string, SecuritySchemeModel>(StringComparer.Ordinal);
        private readonly HashSet<string> _refused = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _fieldNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<OperationSecurityModel> _operationSecurity = new List<OperationSecurityModel>();
        private readonly EquatableArray<SecurityRequirementModel>? _rootSecurity;

        public SecurityReader(ContractContext context, YamlMappingNode root)
        {
            _context = context;
            foreach ((YamlScalarNode key, YamlNode value) in root.GetMapping("components").Get("securitySchemes").Entries())
            {
                ReadScheme(key, context.Dereference(value));
            }

            _rootSecurity = ReadRequirements(root.Get("security"));
        }

        public IEnumerable<SecuritySchemeModel> Schemes => _schemes.Values.OrderBy(s => s.FieldName, StringComparer.Ordinal);

        public List<OperationSecurityModel> OperationSecurity => _operationSecurity;

        /// <summary>
        /// The field holding the operation's effective security, or null for a public operation. An operation that
        /// declares Rocket.Chat's X-User-Id/X-Auth-Token as header parameters (the official files) needs that pair.
        /// </summary>
        public string? ForOperation(YamlNode operation, bool declaresRocketChatHeaders)
        {
            EquatableArray<SecurityRequirementModel> alternatives = ReadRequirements(operation.Get("security")) ?? _rootSecurity ?? EquatableArray<SecurityRequirementModel>.Empty;
            if (alternatives.Count == 0 && declaresRocketChatHeaders)
            {
                alternatives = new[] { new SecurityRequirementModel(new[] { ImplicitHeader(UserIdHeader), ImplicitHeader(AuthTokenHeader) }.ToEquatableArray()) }.ToEquatableArray();
            }

            if (alternatives.Count == 0)
            {
                return null;
            }

            OperationSecurityModel? known = _operationSecurity.FirstOrDefault(s => s.Alternatives.Equals(alternatives));
            if (known != null)
            {
                return known.FieldName;
            }

            string wanted = "Requires" + string.Join("Or", alternatives.Select(a => a.SchemeFields.Count == 0 ? "Nothing" : string.Join("And", a.SchemeFields)));
            var model = new OperationSecurityModel(Identifiers.Unique(wanted, _fieldNames), alternatives);
            _operationSecurity.Add(model);
            return model.FieldName;
        }

        private void ReadScheme(YamlScalarNode key, YamlNode? scheme)
        {
            string name = key.Value!;
            string? type = scheme.GetString("type");
            string? location = scheme.GetString("in");
            string? parameterName = scheme.GetString("name");
            string? httpScheme = scheme.GetString("scheme")?.ToLowerInvariant();
            SecuritySchemeKind? kind = type switch
            {
                "apiKey" when location == "header" && !string.IsNullOrEmpty(parameterName) => SecuritySchemeKind.ApiKeyHeader,
                "apiKey" when location == "query" && !string.IsNullOrEmpty(parameterName) => SecuritySchemeKind.ApiKeyQuery,
                "http" when httpScheme == "bearer" => SecuritySchemeKind.HttpBearer,
                "http" when httpScheme == "basic" => SecuritySchemeKind.HttpBasic,

                // Both send the access token the consumer obtained as a bearer token.
                "oauth2" or "openIdConnect" => SecuritySchemeKind.HttpBearer,
                _ => null,
            };

            if (kind == null)
            {
                string reason = type switch
                {
                    "apiKey" when location == "cookie" => "API keys in cookies are not sent",
                    "apiKey" => "an apiKey scheme needs 'in: header' or 'in: query' and a 'name'",
                    "http" => "HTTP scheme '" + (httpScheme ?? "(none)") + "' is not sent; only 'bearer' and 'basic' are",
                    "mutualTLS" => "client certificates are configured on the HttpClient's handler, not per request",
                    _ => "type '" + (type ?? "(none)") + "' is not a security scheme type",
                };
                _context.Report(DiagnosticDescriptors.SecuritySchemeNotApplied, key, name, reason);
                _refused.Add(name);
                return;
            }

            string field = Identifiers.Unique(Identifiers.ToPascalCase(name), _fieldNames);
            string? parameter = kind is SecuritySchemeKind.ApiKeyHeader or SecuritySchemeKind.ApiKeyQuery ? parameterName : null;
            _schemes[name] = new SecuritySchemeModel(name, field, kind.Value, parameter, SchemaReader.Describe(scheme));
        }

        /// <summary>Null when the node is absent (inherit); an alternative naming a scheme that cannot be sent is dropped.</summary>
        private EquatableArray<SecurityRequirementModel>? ReadRequirements(YamlNode? security)
        {
            if (security is not YamlSequenceNode list)
            {
                return null;
            }

            var alternatives = new List<SecurityRequirementModel>();
            foreach (YamlNode item in list.Children)
            {
                var fields = new List<string>();
                bool usable = true;
                foreach ((YamlScalarNode key, YamlNode _) in item.Entries())
                {
                    if (_schemes.TryGetValue(key.Value!, out SecuritySchemeModel? scheme))
                    {
                        fields.Add(scheme.FieldName);
                        continue;
                    }

                    usable = false;
                    if (!_refused.Contains(key.Value!))
                    {
                        _context.Report(DiagnosticDescriptors.SecuritySchemeNotApplied, key, key.Value!, "no such scheme in components.securitySchemes");
                    }
                }

                if (usable)
                {
                    alternatives.Add(new SecurityRequirementModel(fields.ToEquatableArray()));
                }
            }

            return alternatives.ToEquatableArray();
        }

        private string ImplicitHeader(string header)
        {
            SecuritySchemeModel? declared = _schemes.Values.FirstOrDefault(s => s.Kind == SecuritySchemeKind.ApiKeyHeader
                && string.Equals(s.ParameterName, header, StringComparison.OrdinalIgnoreCase));
            if (declared != null)
            {
                return declared.FieldName;
            }

            var implicitScheme = new SecuritySchemeModel(header, Identifiers.Unique(Identifiers.ToPascalCase(header), _fieldNames), SecuritySchemeKind.ApiKeyHeader, header, "Rocket.Chat's " + header + " header, declared as a header parameter.");
            _schemes[header] = implicitScheme;
            return implicitScheme.FieldName;
        }
    }
}
