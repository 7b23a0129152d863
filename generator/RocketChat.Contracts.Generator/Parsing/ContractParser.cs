using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using RocketChat.Contracts.Generator.Diagnostics;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>Parses one contract file into a <see cref="ContractModel"/>. Never throws except on cancellation.</summary>
    internal static class ContractParser
    {
        private static readonly string[] s_methods = { "get", "put", "post", "delete", "patch", "head", "options" };

        private static readonly HashSet<string> s_authHeaders =
            new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "X-Auth-Token", "X-User-Id" };

        /// <summary>Null when the file is not a contract at all (a JSON file without an "openapi" key, say).</summary>
        public static ContractModel? Parse(ContractInput input, CancellationToken cancellationToken)
        {
            Settings settings = Settings.From(input, out List<DiagnosticInfo> settingDiagnostics);
            try
            {
                return ParseCore(input, settings, settingDiagnostics, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // The generator must never throw: an unexpected failure becomes a diagnostic.
                settingDiagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.InternalError.Id,
                    new LocationInfo(input.Path, 0, 0, 0, 0),
                    new[] { ex.GetType().Name + ": " + ex.Message }.ToEquatableArray()));
                return Empty(input, settings, settingDiagnostics);
            }
        }

        private static ContractModel? ParseCore(
            ContractInput input, Settings settings, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            bool isJson = input.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            var lines = new LineMap(input.Text);
            YamlStream stream;
            try
            {
                stream = YamlLoader.Load(input.Text);
            }
            catch (YamlException ex)
            {
                if (isJson && input.Text.IndexOf("\"openapi\"", StringComparison.Ordinal) < 0)
                {
                    return null;
                }

                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.InvalidDocument.Id,
                    new LocationInfo(input.Path, lines.Offset((int)ex.Start.Line - 1, (int)ex.Start.Column - 1), 1, (int)ex.Start.Line - 1, (int)ex.Start.Column - 1),
                    new[] { ex.Message }.ToEquatableArray()));
                return Empty(input, settings, diagnostics);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                if (isJson)
                {
                    return null;
                }

                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.InvalidDocument.Id,
                    new LocationInfo(input.Path, 0, 1, 0, 0),
                    new[] { "the document is empty or is not a mapping" }.ToEquatableArray()));
                return Empty(input, settings, diagnostics);
            }

            if (isJson && root.Get("openapi") == null && root.Get("swagger") == null)
            {
                return null;
            }

            var context = new ContractContext(input.Path, root, lines);
            string? version = root.GetString("openapi");
            if (version == null || !version.StartsWith("3.", StringComparison.Ordinal))
            {
                string message = root.Get("swagger") != null
                    ? "Swagger 2.0 documents are not supported; convert the contract to OpenAPI 3"
                    : version == null
                        ? "The document has no 'openapi' version field"
                        : "The OpenAPI version '" + version + "' is not supported; use 3.0 or 3.1";
                context.Report(DiagnosticDescriptors.NotOpenApi3, root.Get("openapi") ?? root.Get("swagger") ?? root, message);
                diagnostics.AddRange(context.Diagnostics);
                return Empty(input, settings, diagnostics);
            }

            if (root.Get("paths") is not YamlMappingNode paths)
            {
                context.Report(DiagnosticDescriptors.InvalidStructure, root.Get("paths") ?? root, "The document has no 'paths' mapping");
                diagnostics.AddRange(context.Diagnostics);
                return Empty(input, settings, diagnostics);
            }

            // Generated names the schemas must not take.
            context.TypeNames.Add(settings.ClientName + "Client");
            context.TypeNames.Add(settings.ClientName + "JsonContext");
            context.TypeNames.Add(settings.ClientName + "SecuritySchemes");

            var schemas = new SchemaReader(context);
            YamlNode? componentSchemas = root.GetMapping("components").Get("schemas");
            schemas.ReserveComponentNames(componentSchemas);
            schemas.ReadComponents(componentSchemas);

            var security = new SecurityReader(context, root);
            var operationIds = new HashSet<string>(StringComparer.Ordinal);
            var methodNames = new HashSet<string>(StringComparer.Ordinal);
            var clients = new List<(string Tag, string Name, string ClassName, string? Description, List<OperationModel> Operations)>();
            var clientProperties = new HashSet<string>(StringComparer.Ordinal) { "Connection" };
            var rootTypes = new List<TypeRef>();

            foreach ((YamlScalarNode pathKey, YamlNode pathItemNode) in paths.Entries())
            {
                cancellationToken.ThrowIfCancellationRequested();
                YamlNode? pathItem = context.Dereference(pathItemNode);
                if (pathItem is not YamlMappingNode)
                {
                    context.Report(DiagnosticDescriptors.InvalidStructure, pathKey, "The path '" + pathKey.Value + "' is not a mapping");
                    continue;
                }

                if (!HasBalancedPlaceholders(pathKey.Value!))
                {
                    context.Report(DiagnosticDescriptors.InvalidStructure, pathKey, "The path '" + pathKey.Value + "' has unbalanced '{' or '}'; it is skipped");
                    continue;
                }

                foreach (string method in s_methods)
                {
                    // 'as' and a null check rather than 'is not T x': Stryker cannot mutate a method whose pattern
                    // variable would no longer be definitely assigned, and skips all of it.
                    var operation = pathItem.Get(method) as YamlMappingNode;
                    if (operation == null)
                    {
                        continue;
                    }

                    OperationModel? model = ReadOperation(
                        context, schemas, security, pathKey, pathItem, method, operation, operationIds, methodNames);
                    if (model == null)
                    {
                        continue;
                    }

                    string tag = (operation.GetSequence("tags")?.Children.FirstOrDefault() as YamlScalarNode)?.Value ?? "Default";
                    string clientName = Identifiers.ToPascalCase(tag);
                    int index = clients.FindIndex(c => c.Tag == clientName);
                    if (index < 0)
                    {
                        string className = TagClientClassName(context, settings, tag, clientName, operation);
                        context.TypeNames.Add("I" + className);
                        string propertyName = Identifiers.Unique(clientName, clientProperties);
                        clients.Add((clientName, propertyName, className, DescribeTag(root, tag), new List<OperationModel>()));
                        index = clients.Count - 1;
                    }

                    clients[index].Operations.Add(model);
                    AddRoot(rootTypes, model.Body);
                    AddRoot(rootTypes, model.Response);
                    foreach (ParameterModel parameter in model.Parameters.Where(p => p.IsJson))
                    {
                        AddRoot(rootTypes, parameter.Type);
                    }
                }
            }

            foreach (TypeRef payload in WebhookReader.Read(context, schemas, cancellationToken))
            {
                AddRoot(rootTypes, payload);
            }

            foreach (ObjectTypeModel type in schemas.Objects)
            {
                AddRoot(rootTypes, new TypeRef(TypeKind.Object, type.Name));
            }

            foreach (UnionTypeModel type in schemas.Unions)
            {
                AddRoot(rootTypes, new TypeRef(TypeKind.Object, type.Name));
            }

            foreach (EnumTypeModel type in schemas.Enums)
            {
                AddRoot(rootTypes, new TypeRef(TypeKind.Enum, type.Name));
            }

            diagnostics.AddRange(context.Diagnostics);
            return new ContractModel(
                input.Path,
                settings.HintPrefix,
                settings.Namespace,
                settings.ClientName,
                settings.IsPublic,
                root.GetMapping("info").GetString("title"),
                root.GetMapping("info").GetString("description"),
                schemas.ObjectsWithBases().ToEquatableArray(),
                schemas.Enums.ToEquatableArray(),
                clients.Select(c => new ClientModel(c.Name, c.ClassName, c.Description, c.Operations.ToEquatableArray())).ToEquatableArray(),
                rootTypes.ToEquatableArray(),
                diagnostics.ToEquatableArray(),
                schemas.Unions.ToEquatableArray(),
                security.Schemes.ToEquatableArray(),
                security.OperationSecurity.ToEquatableArray());
        }

        private static OperationModel? ReadOperation(
            ContractContext context,
            SchemaReader schemas,
            SecurityReader security,
            YamlScalarNode pathKey,
            YamlNode pathItem,
            string method,
            YamlMappingNode operation,
            HashSet<string> operationIds,
            HashSet<string> methodNames)
        {
            string path = pathKey.Value!;
            string? operationId = operation.GetString("operationId");
            if (operationId != null && !operationIds.Add(operationId))
            {
                context.Report(DiagnosticDescriptors.DuplicateOperationId, operation.Get("operationId"), operationId);
                return null;
            }

            string wanted = context.NameFor(operation, Identifiers.ToPascalCase(operationId ?? method + " " + path));
            string name = Identifiers.Unique(wanted, methodNames);
            if (name != wanted)
            {
                context.Report(DiagnosticDescriptors.OperationNameCollision, operation.Get("operationId") ?? pathKey, operationId ?? path, wanted, name);
            }

            // Request body first: an operation we cannot call is skipped before anything else is generated for it.
            TypeRef? body = null;
            bool bodyRequired = false;
            RequestBodyEncoding bodyEncoding = RequestBodyEncoding.Json;
            List<FormFieldModel>? formFields = null;
            string? bodyMediaType = null;
            if (context.Dereference(operation.Get("requestBody")) is YamlNode requestBody)
            {
                YamlNode? content = requestBody.Get("content");
                YamlNode? json = FindJsonMedia(content);
                string problem = string.Empty;
                if (json == null && FormBodyReader.Find(content) is { } form)
                {
                    bool multipart = form.MediaType == FormBodyReader.Multipart;
                    bodyEncoding = multipart ? RequestBodyEncoding.Multipart : RequestBodyEncoding.UrlEncoded;
                    formFields = FormBodyReader.Read(context, schemas, form.Media, multipart, name, out problem);
                    if (formFields == null)
                    {
                        problem = form.MediaType + ": " + problem;
                    }
                }

                // Neither JSON nor a form: the body is sent as it is, text as a string, anything else as a stream.
                if (json == null && formFields == null && problem.Length == 0 && content.Entries().Select(e => e.Key.Value!).ToList() is { Count: > 0 } raw)
                {
                    string? text = raw.FirstOrDefault(MediaTypes.IsText);
                    bodyEncoding = text != null ? RequestBodyEncoding.Text : RequestBodyEncoding.Binary;
                    string chosen = MediaTypes.Essence(text ?? raw[0]);
                    bodyMediaType = chosen.IndexOf('*') < 0 ? chosen : text != null ? "text/plain" : "application/octet-stream";
                    formFields = new List<FormFieldModel>();
                }

                if (json == null && formFields == null)
                {
                    string mediaTypes = problem.Length > 0 ? problem : string.Join(", ", content.Entries().Select(e => e.Key.Value));
                    context.Report(DiagnosticDescriptors.UnsupportedMediaType, operation.GetKey("requestBody"), operationId ?? path, mediaTypes.Length == 0 ? "no content" : mediaTypes);
                    methodNames.Remove(name);
                    return null;
                }

                body = json == null ? null : schemas.ReadOperationSchema(json.Get("schema"), name + "Request");
                bodyRequired = requestBody.GetBool("required");
            }

            bool declaresRocketChatHeaders = false;
            var parameters = new List<ParameterModel>();
            var parameterNames = new HashSet<string>(StringComparer.Ordinal)
            {
                // Names the generated method bodies use themselves.
                "cancellationToken", "request", "call", "body", "pageSize", "pageOffset", "pageCount", "pageCancellation",
            };
            var seen = new HashSet<string>(StringComparer.Ordinal);

            // A 'parameters' or a response that is not the object OpenAPI requires would be dropped: say so.
            foreach (YamlNode owner in new[] { operation, pathItem })
            {
                if (owner.Get("parameters") is YamlNode list && list is not YamlSequenceNode)
                {
                    context.Report(DiagnosticDescriptors.InvalidStructure, owner.GetKey("parameters"), "'parameters' of '" + (operationId ?? path) + "' is not a list; it is ignored");
                }
            }

            foreach (KeyValuePair<YamlNode, YamlNode> entry in (operation.Get("responses") as YamlMappingNode)?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
            {
                if (entry.Value is not YamlMappingNode)
                {
                    context.Report(DiagnosticDescriptors.InvalidStructure, entry.Key, "The response '" + entry.Key + "' of '" + (operationId ?? path) + "' is not an object; it is ignored");
                }
            }

            // Operation-level parameters override path-level ones with the same name and location.
            var declared = new List<YamlNode>();
            foreach (YamlNode node in operation.GetSequence("parameters")?.Children ?? Enumerable.Empty<YamlNode>())
            {
                declared.Add(node);
            }

            foreach (YamlNode node in pathItem.GetSequence("parameters")?.Children ?? Enumerable.Empty<YamlNode>())
            {
                declared.Add(node);
            }

            foreach (YamlNode node in declared)
            {
                YamlNode? parameter = context.Dereference(node);
                string? wireName = parameter.GetString("name");
                string? location = parameter.GetString("in");
                if (parameter == null)
                {
                    continue;
                }

                if (wireName == null || location == null)
                {
                    context.Report(DiagnosticDescriptors.InvalidStructure, node, "A parameter of '" + (operationId ?? path) + "' has no 'name' or no 'in'");
                    continue;
                }

                if (!seen.Add(location + ":" + wireName))
                {
                    continue;
                }

                ParameterLocation kind;
                switch (location)
                {
                    case "path":
                        kind = ParameterLocation.Path;
                        break;
                    case "query":
                        kind = ParameterLocation.Query;
                        break;
                    case "header" when s_authHeaders.Contains(wireName):
                        // Rocket.Chat's own files declare auth as header parameters: that is client-level auth.
                        declaresRocketChatHeaders = true;
                        continue;
                    case "header":
                        kind = ParameterLocation.Header;
                        break;
                    default:
                        context.Report(DiagnosticDescriptors.UnsupportedParameter, parameter.Get("in") ?? node, wireName, operationId ?? path, "'in: " + location + "' is not sent");
                        continue;
                }

                bool isJson = false;
                YamlNode? schema = parameter.Get("schema");
                if (schema == null && FindJsonMedia(parameter.Get("content")) is YamlNode jsonContent)
                {
                    schema = jsonContent.Get("schema");
                    isJson = true;
                }

                string wantedName = Identifiers.ToCamelCase(context.NameFor(parameter, Identifiers.ToPascalCase(wireName)));
                string parameterName = Identifiers.Unique(wantedName, parameterNames);
                TypeRef type = schema == null ? TypeRef.String : schemas.Read(schema, name + Identifiers.ToPascalCase(wireName));

                // A free-form query value ('schema: {}', as Rocket.Chat's official files declare sort and query) has no
                // keys a style could write: ParameterStyles lets it through and ApiRequest.AddQueryValue sends a scalar
                // as its text and an object or array as its JSON text.
                // 'content' (JSON text) and 'style' exclude each other; otherwise the style must fit the type.
                ParameterStyle style = ParameterStyle.FormExploded;
                if (!isJson)
                {
                    ParameterStyle? read = ParameterStyles.Read(parameter, kind, type, schemas.Objects, out string problem);
                    if (read == null)
                    {
                        context.Report(DiagnosticDescriptors.UnsupportedParameter, parameter.GetKey("style") ?? parameter.GetKey("schema") ?? node, wireName, operationId ?? path, problem);
                        continue;
                    }

                    style = read.Value;
                }

                parameters.Add(new ParameterModel(
                    wireName,
                    parameterName,
                    kind,
                    type,
                    kind == ParameterLocation.Path || parameter.GetBool("required"),
                    isJson,
                    SchemaReader.Describe(parameter),
                    style));
            }

            foreach (string placeholder in PathPlaceholders(path))
            {
                if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.WireName == placeholder))
                {
                    context.Report(DiagnosticDescriptors.UndeclaredPathParameter, pathKey, path, placeholder);
                    parameters.Add(new ParameterModel(
                        placeholder,
                        Identifiers.Unique(Identifiers.ToCamelCase(placeholder), parameterNames),
                        ParameterLocation.Path,
                        TypeRef.String,
                        true,
                        false,
                        null));
                }
            }

            parameters.RemoveAll(p => p.Location == ParameterLocation.Path && !PathPlaceholders(path).Contains(p.WireName));

            // Form fields become parameters too, named after the contract's parameters have taken theirs.
            var namedFields = (formFields ?? new List<FormFieldModel>())
                .Select(f => f with { Name = Identifiers.Unique(Identifiers.ToCamelCase(f.Name), parameterNames) })
                .ToList();

            // Required parameters first, in path order, so calls read naturally.
            var ordered = parameters
                .Where(p => p.Location == ParameterLocation.Path)
                .OrderBy(p => path.IndexOf("{" + p.WireName + "}", StringComparison.Ordinal))
                .Concat(parameters.Where(p => p.Location != ParameterLocation.Path && p.IsRequired))
                .Concat(parameters.Where(p => p.Location != ParameterLocation.Path && !p.IsRequired))
                .ToList();

            TypeRef? response = null;
            var successes = operation.Get("responses").Entries()
                .Where(e => e.Key.Value!.StartsWith("2", StringComparison.Ordinal))
                .OrderBy(e => e.Key.Value, StringComparer.Ordinal)
                .Select(e => context.Dereference(e.Value).Get("content"))
                .ToList();
            foreach (YamlNode? content in successes)
            {
                if (FindJsonMedia(content) is YamlNode json)
                {
                    response = schemas.ReadOperationSchema(json.Get("schema"), name + "Response");
                    break;
                }
            }

            // No JSON: a text body is returned as a string, anything else as a stream; nothing is thrown away.
            ResponseBodyKind responseKind = response != null ? ResponseBodyKind.Json : ResponseBodyKind.None;
            string? accept = null;
            if (response == null)
            {
                List<string> mediaTypes = successes.SelectMany(c => c.Entries().Select(e => e.Key.Value!)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                List<string> textTypes = mediaTypes.Where(MediaTypes.IsText).ToList();
                if (textTypes.Count > 0)
                {
                    responseKind = ResponseBodyKind.Text;
                    accept = string.Join(", ", textTypes);
                }
                else if (mediaTypes.Count > 0)
                {
                    responseKind = ResponseBodyKind.Binary;
                    accept = string.Join(", ", mediaTypes);
                }
            }

            return new OperationModel(
                name,
                method.ToUpperInvariant(),
                path,
                operation.GetString("summary"),
                operation.GetString("description"),
                operation.GetBool("deprecated"),
                security.ForOperation(operation, declaresRocketChatHeaders),
                ordered.ToEquatableArray(),
                body,
                bodyRequired,
                response,
                DetectPaging(ordered, response, schemas),
                responseKind,
                accept,
                bodyEncoding,
                namedFields.ToEquatableArray(),
                bodyMediaType);
        }

        /// <summary>Offset/count paging: integer offset and count parameters, a response with a total and one list.</summary>
        private static PagingModel? DetectPaging(List<ParameterModel> parameters, TypeRef? response, SchemaReader schemas)
        {
            bool hasOffset = parameters.Any(p => p.WireName == "offset" && p.Location == ParameterLocation.Query && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
            bool hasCount = parameters.Any(p => p.WireName == "count" && p.Location == ParameterLocation.Query && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
            if (!hasOffset || !hasCount || response?.Kind != TypeKind.Object)
            {
                return null;
            }

            ObjectTypeModel? page = schemas.Objects.FirstOrDefault(o => o.Name == response.Name);
            PropertyModel? total = page?.Properties.FirstOrDefault(p => p.JsonName == "total" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
            var lists = page?.Properties.Where(p => p.Type.Kind == TypeKind.Array).ToList();
            if (total == null || lists == null || lists.Count != 1)
            {
                return null;
            }

            return new PagingModel(lists[0].Name, lists[0].Type.Element!, total.Name);
        }

        private static bool HasBalancedPlaceholders(string path)
        {
            bool open = false;
            foreach (char c in path)
            {
                if (c == '{')
                {
                    if (open)
                    {
                        return false;
                    }

                    open = true;
                }
                else if (c == '}')
                {
                    if (!open)
                    {
                        return false;
                    }

                    open = false;
                }
            }

            return !open;
        }

        private static List<string> PathPlaceholders(string path)
        {
            var names = new List<string>();
            int start = path.IndexOf('{');
            while (start >= 0)
            {
                int end = path.IndexOf('}', start);
                if (end < 0)
                {
                    break;
                }

                names.Add(path.Substring(start + 1, end - start - 1));
                start = path.IndexOf('{', end);
            }

            return names;
        }

        private static YamlNode? FindJsonMedia(YamlNode? content)
        {
            foreach ((YamlScalarNode key, YamlNode value) in content.Entries())
            {
                string mediaType = key.Value!.Split(';')[0].Trim();
                if (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal) || mediaType == "*/*")
                {
                    return value;
                }
            }

            return null;
        }

        /// <summary>
        /// The class of a tag's client. A tag named like the contract ("Pets" in pets.yaml) would take the root
        /// client's name: its class becomes "PetsOperationsClient", named after what it holds. Any rename is reported.
        /// </summary>
        private static string TagClientClassName(ContractContext context, Settings settings, string tag, string clientName, YamlMappingNode operation)
        {
            string wanted = clientName + "Client";
            if (!context.TypeNames.Contains(wanted))
            {
                context.TypeNames.Add(wanted);
                return wanted;
            }

            string takenBy = wanted == settings.ClientName + "Client" ? "the contract's root client" : "a schema";
            string preferred = wanted == settings.ClientName + "Client" ? clientName + "OperationsClient" : wanted;
            string className = Identifiers.Unique(preferred, context.TypeNames);
            context.Report(DiagnosticDescriptors.ClientNameCollision, operation.GetSequence("tags")?.Children.FirstOrDefault() ?? operation, tag, wanted, takenBy, className);
            return className;
        }

        private static string? DescribeTag(YamlMappingNode root, string tag) =>
            root.GetSequence("tags")?.Children.FirstOrDefault(t => t.GetString("name") == tag).GetString("description");

        private static void AddRoot(List<TypeRef> roots, TypeRef? type)
        {
            if (type != null && !roots.Contains(type))
            {
                roots.Add(type);
            }
        }

        private static ContractModel Empty(ContractInput input, Settings settings, List<DiagnosticInfo> diagnostics) =>
            new ContractModel(
                input.Path,
                settings.HintPrefix,
                settings.Namespace,
                settings.ClientName,
                settings.IsPublic,
                null,
                null,
                EquatableArray<ObjectTypeModel>.Empty,
                EquatableArray<EnumTypeModel>.Empty,
                EquatableArray<ClientModel>.Empty,
                EquatableArray<TypeRef>.Empty,
                diagnostics.ToEquatableArray());

        /// <summary>Namespace, client name and visibility from AdditionalFiles metadata, validated.</summary>
        internal sealed class Settings
        {
            public string Namespace { get; private set; } = "Generated";

            public string ClientName { get; private set; } = "Api";

            public bool IsPublic { get; private set; } = true;

            public string HintPrefix => Namespace + "." + ClientName;

            public static Settings From(ContractInput input, out List<DiagnosticInfo> diagnostics)
            {
                diagnostics = new List<DiagnosticInfo>();
                var settings = new Settings();
                var at = new LocationInfo(input.Path, 0, 0, 0, 0);

                string fileName = Path.GetFileNameWithoutExtension(input.Path);
                string defaultClient = Identifiers.ToPascalCase(fileName);
                settings.ClientName = defaultClient;
                if (!string.IsNullOrWhiteSpace(input.ClientName))
                {
                    if (Identifiers.IsValidIdentifier(input.ClientName))
                    {
                        settings.ClientName = input.ClientName!;
                    }
                    else
                    {
                        diagnostics.Add(Invalid(at, "ClientName", input.ClientName!, defaultClient));
                    }
                }

                string defaultNamespace = Identifiers.IsValidNamespace(input.RootNamespace) ? input.RootNamespace! : "Generated";
                settings.Namespace = defaultNamespace;
                if (!string.IsNullOrWhiteSpace(input.Namespace))
                {
                    if (Identifiers.IsValidNamespace(input.Namespace))
                    {
                        settings.Namespace = input.Namespace!;
                    }
                    else
                    {
                        diagnostics.Add(Invalid(at, "Namespace", input.Namespace!, defaultNamespace));
                    }
                }

                settings.IsPublic = !string.Equals(input.Visibility, "internal", StringComparison.OrdinalIgnoreCase);
                if (!string.IsNullOrWhiteSpace(input.Visibility) && settings.IsPublic
                    && !string.Equals(input.Visibility, "public", StringComparison.OrdinalIgnoreCase))
                {
                    // A typo such as "Internl" must not silently publish the generated types.
                    diagnostics.Add(Invalid(at, "Visibility", input.Visibility!, "public"));
                }

                return settings;
            }

            private static DiagnosticInfo Invalid(LocationInfo at, string option, string value, string fallback) =>
                new DiagnosticInfo(DiagnosticDescriptors.InvalidOption.Id, at, new[] { option, value, fallback }.ToEquatableArray());
        }
    }
}
