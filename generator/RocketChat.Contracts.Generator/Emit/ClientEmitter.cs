using System.Collections.Generic;
using System.Linq;
using RocketChat.Contracts.Generator.Model;
using RocketChat.Contracts.Generator.Parsing;

namespace RocketChat.Contracts.Generator.Emit
{
    /// <summary>Emits an interface and an implementation per tag, and the root client that groups them.</summary>
    internal static class ClientEmitter
    {
        private const string Runtime = "global::RocketChat.Contracts.Runtime";

        public static string Emit(ContractModel contract)
        {
            SourceWriter writer = SourceWriter.Begin(contract.Namespace);
            EmitRoot(writer, contract);
            SecurityEmitter.Emit(writer, contract);
            foreach (ClientModel client in contract.Clients)
            {
                EmitInterface(writer, contract, client);
                EmitImplementation(writer, contract, client);
            }

            return writer.ToString();
        }

        private static void EmitRoot(SourceWriter writer, ContractModel contract)
        {
            string name = $"{contract.ClientName}Client";
            CSharpText.Doc(writer, "summary", contract.Title ?? $"{contract.ClientName} API client.");
            CSharpText.Doc(writer, "remarks", contract.Description);
            writer.Open($"{contract.Accessibility} sealed partial class {name}");
            writer.Line("/// <summary>Creates the client over a connection (server URL, HttpClient and credentials).</summary>");
            writer.Open($"public {name}({Runtime}.RocketChatConnection connection)");
            writer.Line("Connection = connection ?? throw new global::System.ArgumentNullException(nameof(connection));");
            foreach (ClientModel client in contract.Clients)
            {
                writer.Line($"{client.Name} = new {client.ClassName}(connection);");
            }

            writer.Close();
            writer.Line();
            writer.Block($$"""
                /// <summary>The connection every call goes through.</summary>
                public {{Runtime}}.RocketChatConnection Connection { get; }
                """);
            foreach (ClientModel client in contract.Clients)
            {
                writer.Line();
                CSharpText.Doc(writer, "summary", client.Description ?? $"The {client.Name} operations.");
                writer.Line($"public I{client.ClassName} {client.Name} {{ get; }}");
            }

            writer.Close();
            writer.Line();
        }

        private static void EmitInterface(SourceWriter writer, ContractModel contract, ClientModel client)
        {
            CSharpText.Doc(writer, "summary", client.Description ?? $"The {client.Name} operations.");
            writer.Open($"{contract.Accessibility} partial interface I{client.ClassName}");
            bool first = true;
            foreach (OperationModel operation in client.Operations)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                MethodShape shape = MethodShape.For(operation);
                EmitDocs(writer, operation, shape);
                writer.Line($"{shape.Signature};");
                if (shape.Paging != null)
                {
                    writer.Line();
                    EmitPagingDocs(writer, operation, shape);
                    writer.Line($"{shape.PagingSignature};");
                }
            }

            writer.Close();
            writer.Line();
        }

        private static void EmitImplementation(SourceWriter writer, ContractModel contract, ClientModel client)
        {
            string name = client.ClassName;
            writer.Line($"/// <inheritdoc cref=\"I{name}\"/>");
            writer.Open($"{contract.Accessibility} sealed partial class {name} : I{name}");
            writer.Block($$"""
                private readonly {{Runtime}}.RocketChatConnection _connection;

                /// <summary>Creates the client over a connection.</summary>
                public {{name}}({{Runtime}}.RocketChatConnection connection)
                {
                    _connection = connection ?? throw new global::System.ArgumentNullException(nameof(connection));
                }
                """);
            foreach (OperationModel operation in client.Operations)
            {
                MethodShape shape = MethodShape.For(operation);
                writer.Line();
                writer.Line("/// <inheritdoc />");
                writer.Open($"public {shape.Signature}");
                EmitBody(writer, contract, operation, shape);
                writer.Close();
                if (shape.Paging != null)
                {
                    writer.Line();
                    writer.Line("/// <inheritdoc />");
                    writer.Open($"public {shape.PagingSignature}");
                    EmitPagingBody(writer, operation, shape);
                    writer.Close();
                }
            }

            writer.Close();
            writer.Line();
        }

        private static void EmitDocs(SourceWriter writer, OperationModel operation, MethodShape shape)
        {
            CSharpText.Doc(writer, "summary", operation.Summary ?? $"{operation.HttpMethod} {operation.Path}");
            CSharpText.Doc(writer, "remarks", operation.Description);
            foreach (MethodParameter parameter in shape.Parameters)
            {
                EmitParameterDoc(writer, parameter);
            }

            writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
            string? mediaType = CSharpText.DocLines(operation.Accept).FirstOrDefault();
            switch (operation.ResponseKind)
            {
                case ResponseBodyKind.Text:
                    writer.Line($"/// <returns>The response body as text ({mediaType}), decoded with the charset the server declares (UTF-8 by default).</returns>");
                    break;
                case ResponseBodyKind.Binary:
                    writer.Block($"""
                        /// <returns>
                        /// The response body ({mediaType}) as a forward-only stream read from the network.
                        /// The caller owns it: dispose it to release the connection.
                        /// </returns>
                        """);
                    break;
                case ResponseBodyKind.Json when operation.Response != null:
                    writer.Line("/// <returns>The server's response.</returns>");
                    break;
            }

            writer.Block($"""
                /// <exception cref="{Runtime}.RocketChatApiException">The server answered with an error status (typed subclasses for 401, 403 and 429).</exception>
                /// <exception cref="{Runtime}.RocketChatConnectionException">The server could not be reached.</exception>
                """);
            if (operation.IsDeprecated)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated by the contract.\")]");
            }
        }

        private static void EmitPagingDocs(SourceWriter writer, OperationModel operation, MethodShape shape)
        {
            writer.Block($"""
                /// <summary>
                /// Streams every item of <see cref="{operation.Name}Async"/>, fetching offset/count pages as they are consumed.
                /// </summary>
                """);
            foreach (MethodParameter parameter in shape.PagingParameters)
            {
                EmitParameterDoc(writer, parameter);
            }

            writer.Block("""
                /// <param name="pageSize">Items asked for per request (the server may cap it, 100 by default).</param>
                /// <param name="cancellationToken">Stops the enumeration.</param>
                """);
        }

        /// <summary>A parameter's doc: the contract's description, or a sentence naming its wire name.</summary>
        private static void EmitParameterDoc(SourceWriter writer, MethodParameter parameter)
        {
            string nameAttribute = CSharpText.ParamName(parameter.Name);
            CSharpText.DocOrDefault(writer, "param", parameter.Description, $"The {CSharpText.Code(parameter.WireName)} value.", nameAttribute);
        }

        private static void EmitBody(SourceWriter writer, ContractModel contract, OperationModel operation, MethodShape shape)
        {
            foreach (MethodParameter parameter in shape.Parameters.Where(p => p.IsRequired && !p.Type.IsValueType))
            {
                writer.Line($"global::System.ArgumentNullException.ThrowIfNull({parameter.Name});");
            }

            string method = $"global::System.Net.Http.HttpMethod.{HttpMethodProperty(operation.HttpMethod)}";
            string security = SecurityEmitter.For(contract, operation);
            writer.Line($"var call = new {Runtime}.ApiRequest({method}, {CSharpText.Literal(operation.Name)}, {security});");
            EmitPath(writer, operation, shape);
            foreach (MethodParameter parameter in shape.Parameters.Where(p => p.Role != ParameterRole.FormField && p.Location != ParameterLocation.Path))
            {
                EmitParameter(writer, contract, operation, parameter);
            }

            EmitFormFields(writer, operation, shape);

            if (operation.Accept != null)
            {
                writer.Line($"call.Accept = {CSharpText.Literal(operation.Accept)};");
            }

            writer.Line();
            switch (operation.ResponseKind)
            {
                case ResponseBodyKind.Json when operation.Response != null:
                    writer.Line($"return _connection.SendAsync(call, {JsonTypeInfo(contract, operation.Response)}, cancellationToken);");
                    break;
                case ResponseBodyKind.Text:
                    writer.Line("return _connection.SendForTextAsync(call, cancellationToken);");
                    break;
                case ResponseBodyKind.Binary:
                    writer.Line("return _connection.SendForStreamAsync(call, cancellationToken);");
                    break;
                default:
                    writer.Line("return _connection.SendAsync(call, cancellationToken);");
                    break;
            }
        }

        /// <summary>The context property holding the JSON metadata of <paramref name="type"/>.</summary>
        private static string JsonTypeInfo(ContractModel contract, TypeRef type) =>
            $"{contract.ContextName}.Default.{JsonEmitter.RootPropertyName(type)}";

        private static void EmitPath(SourceWriter writer, OperationModel operation, MethodShape shape)
        {
            string path = operation.Path.TrimStart('/');
            int position = 0;
            while (position < path.Length)
            {
                int open = path.IndexOf('{', position);
                if (open < 0)
                {
                    writer.Line($"call.AppendPath({CSharpText.Literal(path.Substring(position))});");
                    break;
                }

                if (open > position)
                {
                    writer.Line($"call.AppendPath({CSharpText.Literal(path.Substring(position, open - position))});");
                }

                int close = path.IndexOf('}', open);
                string wireName = path.Substring(open + 1, close - open - 1);
                MethodParameter parameter = shape.Parameters.First(p => p.Location == ParameterLocation.Path && p.WireName == wireName);
                writer.Line(parameter.Type.Kind == TypeKind.Array
                    ? $"call.AppendPathArray({WireStrings(parameter, nullable: false)});"
                    : $"call.AppendPathParameter({WireString(parameter.Type, parameter.Name, nullable: false)});");
                position = close + 1;
            }
        }

        private static void EmitParameter(SourceWriter writer, ContractModel contract, OperationModel operation, MethodParameter parameter)
        {
            string literal = CSharpText.Literal(parameter.WireName);
            if (parameter.Role == ParameterRole.RawBody)
            {
                string setter = parameter.RawBodyType == "string" ? "SetTextBody" : "SetStreamBody";
                string mediaType = CSharpText.Literal(operation.BodyMediaType ?? "application/octet-stream");
                writer.Line($"call.{setter}({parameter.Name}, {mediaType});");
                return;
            }

            if (parameter.Role == ParameterRole.JsonBody)
            {
                string info = JsonTypeInfo(contract, parameter.Type);
                if (parameter.IsRequired)
                {
                    writer.Line($"call.SetJsonBody({parameter.Name}, {info});");
                }
                else
                {
                    writer.Block($$"""
                        if ({{parameter.Name}} is { } body)
                        {
                            call.SetJsonBody(body, {{info}});
                        }
                        """);
                }

                return;
            }

            bool nullable = !parameter.IsRequired;
            if (parameter.Location == ParameterLocation.Header)
            {
                writer.Line(parameter.Type.Kind == TypeKind.Array
                    ? $"call.AddHeaderArray({literal}, {WireStrings(parameter, nullable)});"
                    : $"call.AddHeader({literal}, {WireString(parameter.Type, parameter.Name, nullable)});");
                return;
            }

            if (parameter.IsJson)
            {
                string info = JsonTypeInfo(contract, parameter.Type);
                if (parameter.Type.IsValueType && nullable)
                {
                    string value = $"{parameter.Name.TrimStart('@')}Json";
                    writer.Block($$"""
                        if ({{parameter.Name}} is { } {{value}})
                        {
                            call.AddQueryJson({{literal}}, {{value}}, {{info}});
                        }
                        """);
                }
                else
                {
                    writer.Line($"call.AddQueryJson({literal}, {parameter.Name}, {info});");
                }

                return;
            }

            switch (parameter.Type.Kind)
            {
                case TypeKind.Array:
                    writer.Line($"call.AddQueryArray({literal}, {WireStrings(parameter, nullable)}, {QueryStyle(parameter.Style)});");
                    break;
                case TypeKind.Object:
                    EmitQueryObject(writer, contract, parameter, literal, nullable);
                    break;
                case TypeKind.Map:
                    writer.Line($"call.AddQueryObject({literal}, {WirePairs(parameter, nullable)}, {QueryStyle(parameter.Style)});");
                    break;
                case TypeKind.Json:
                    writer.Line($"call.AddQueryValue({literal}, {parameter.Name});");
                    break;
                case TypeKind.Enum:
                    string valueAccess = nullable ? "?.Value" : ".Value";
                    writer.Line($"call.AddQuery({literal}, {parameter.Name}{valueAccess});");
                    break;
                default:
                    writer.Line($"call.AddQuery({literal}, {parameter.Name});");
                    break;
            }
        }

        /// <summary>A form body: its encoding, then each field (null optional fields are left out).</summary>
        private static void EmitFormFields(SourceWriter writer, OperationModel operation, MethodShape shape)
        {
            if (operation.BodyEncoding is RequestBodyEncoding.Json or RequestBodyEncoding.Text or RequestBodyEncoding.Binary)
            {
                return;
            }

            writer.Line(operation.BodyEncoding == RequestBodyEncoding.Multipart ? "call.UseMultipartForm();" : "call.UseUrlEncodedForm();");
            foreach (MethodParameter field in shape.Parameters.Where(p => p.Role == ParameterRole.FormField))
            {
                string literal = CSharpText.Literal(field.WireName);
                bool nullable = !field.IsRequired;
                bool isArray = field.Type.Kind == TypeKind.Array;
                if (field.IsFile)
                {
                    string adder = isArray ? "AddFormFiles" : "AddFormFile";
                    writer.Line($"call.{adder}({literal}, {field.Name});");
                }
                else if (isArray)
                {
                    writer.Line($"call.AddFormFields({literal}, {WireStrings(field, nullable)});");
                }
                else
                {
                    writer.Line($"call.AddFormField({literal}, {WireString(field.Type, field.Name, nullable)});");
                }
            }
        }

        /// <summary>An object's scalar properties as (JSON name, wire text) pairs, written in the parameter's style.</summary>
        private static void EmitQueryObject(SourceWriter writer, ContractModel contract, MethodParameter parameter, string literal, bool nullable)
        {
            ObjectTypeModel type = contract.Objects.First(o => o.Name == parameter.Type.Name);
            string value = parameter.Name;
            if (nullable)
            {
                value = $"{parameter.Name.TrimStart('@')}Value";
                writer.Open($"if ({parameter.Name} is {{ }} {value})");
            }

            writer.Block($"""
                call.AddQueryObject({literal},
                [
                """);
            foreach (PropertyModel property in type.Properties)
            {
                string wireText = WireString(property.Type, $"{value}.{property.Name}", property.HasNullableType);
                writer.Line($"    new({CSharpText.Literal(property.JsonName)}, {wireText}),");
            }

            writer.Block($"""
                ],
                {QueryStyle(parameter.Style)});
                """);
            if (nullable)
            {
                writer.Close();
            }
        }

        /// <summary>An array parameter as a sequence of wire strings (null stays null when the parameter is optional).</summary>
        private static string WireStrings(MethodParameter parameter, bool nullable)
        {
            TypeRef element = parameter.Type.Element!;
            if (element.Kind == TypeKind.String)
            {
                return parameter.Name;
            }

            string item = WireString(element, "item", nullable: false);
            string select = $"global::System.Linq.Enumerable.Select({parameter.Name}, static item => {item})";
            return nullable ? $"({parameter.Name} is null ? null : {select})" : select;
        }

        /// <summary>A map parameter as a sequence of (key, wire string) pairs (null stays null when the parameter is optional).</summary>
        private static string WirePairs(MethodParameter parameter, bool nullable)
        {
            string item = WireString(parameter.Type.Element!, "pair.Value", nullable: false);
            string pairs = $"global::System.Linq.Enumerable.Select({parameter.Name}, static pair => new global::System.Collections.Generic.KeyValuePair<string, string?>(pair.Key, {item}))";
            return nullable ? $"({parameter.Name} is null ? null : {pairs})" : pairs;
        }

        private static string QueryStyle(ParameterStyle style)
        {
            string name = style switch
            {
                ParameterStyle.Form => "Form",
                ParameterStyle.SpaceDelimited => "SpaceDelimited",
                ParameterStyle.PipeDelimited => "PipeDelimited",
                ParameterStyle.DeepObject => "DeepObject",
                _ => "FormExploded",
            };
            return $"{Runtime}.QueryStyle.{name}";
        }

        private static void EmitPagingBody(SourceWriter writer, OperationModel operation, MethodShape shape)
        {
            PagingModel paging = shape.Paging!;
            var arguments = new List<string>();
            foreach (MethodParameter parameter in shape.Parameters)
            {
                string value = parameter.WireName == "offset" && parameter.Location == ParameterLocation.Query ? "pageOffset"
                    : parameter.WireName == "count" && parameter.Location == ParameterLocation.Query ? "pageCount"
                    : parameter.Name;
                arguments.Add($"{parameter.Name}: {value}");
            }

            arguments.Add("cancellationToken: pageCancellation");
            string pageArguments = string.Join(", ", arguments);
            writer.Block($"""
                return {Runtime}.OffsetPaging.EnumerateAsync(
                    (pageOffset, pageCount, pageCancellation) => {operation.Name}Async({pageArguments}),
                    static page => page.{paging.ItemsProperty},
                    static page => page.{paging.TotalProperty},
                    0,
                    pageSize,
                    cancellationToken);
                """);
        }

        /// <summary>How a value goes into a path, header or array item as text.</summary>
        private static string WireString(TypeRef type, string value, bool nullable)
        {
            string access = nullable ? "?." : ".";
            switch (type.Kind)
            {
                case TypeKind.String:
                    return value;
                case TypeKind.Enum:
                    return $"{value}{access}Value";
                case TypeKind.Boolean:
                    return nullable
                        ? $"""({value} is null ? null : {value}.Value ? "true" : "false")"""
                        : $"""({value} ? "true" : "false")""";
                case TypeKind.DateTimeOffset:
                    return $"""{value}{access}ToString("O", global::System.Globalization.CultureInfo.InvariantCulture)""";
                case TypeKind.Int32:
                case TypeKind.Int64:
                case TypeKind.Double:
                    return $"{value}{access}ToString(global::System.Globalization.CultureInfo.InvariantCulture)";
                default:
                    return $"{value}{access}ToString()";
            }
        }

        private static string HttpMethodProperty(string method) => method switch
        {
            "GET" => "Get",
            "PUT" => "Put",
            "POST" => "Post",
            "DELETE" => "Delete",
            "PATCH" => "Patch",
            "HEAD" => "Head",
            _ => "Options",
        };
    }
}
