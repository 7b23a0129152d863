using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RocketChat.Contracts.Generator.Diagnostics;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Reads OpenAPI 3.1 <c>webhooks</c>: the request body of each webhook is a payload the application receives, so it
    /// becomes a generated type and a root of the JSON context, like a response. An inline payload is named after the
    /// webhook ("LivechatSessionStart" becomes LivechatSessionStartPayload).
    /// </summary>
    internal static class WebhookReader
    {
        private static readonly string[] s_methods = { "post", "put", "get", "delete", "patch" };

        public static List<TypeRef> Read(ContractContext context, SchemaReader schemas, CancellationToken cancellationToken)
        {
            var payloads = new List<TypeRef>();
            YamlNode? webhooks = context.Root.Get("webhooks");
            if (webhooks == null)
            {
                return payloads;
            }

            if (webhooks is not YamlMappingNode)
            {
                context.Report(DiagnosticDescriptors.InvalidStructure, webhooks, "'webhooks' is not a mapping");
                return payloads;
            }

            foreach ((YamlScalarNode key, YamlNode itemNode) in webhooks.Entries())
            {
                cancellationToken.ThrowIfCancellationRequested();
                YamlNode? item = context.Dereference(itemNode);
                var operations = s_methods.Select(m => item.Get(m)).OfType<YamlMappingNode>().ToList();
                if (operations.Count == 0)
                {
                    context.Report(DiagnosticDescriptors.InvalidStructure, key, "The webhook '" + key.Value + "' has no operation");
                    continue;
                }

                foreach (YamlMappingNode operation in operations)
                {
                    YamlNode? body = context.Dereference(operation.Get("requestBody"));
                    YamlNode? json = body.Get("content").Entries()
                        .Where(e => IsJson(e.Key.Value!))
                        .Select(e => e.Value)
                        .FirstOrDefault();
                    if (json == null)
                    {
                        string mediaTypes = string.Join(", ", body.Get("content").Entries().Select(e => e.Key.Value));
                        context.Report(DiagnosticDescriptors.UnsupportedMediaType, operation.GetKey("requestBody") ?? key, "webhook " + key.Value, mediaTypes.Length == 0 ? "no content" : mediaTypes);
                        continue;
                    }

                    TypeRef payload = schemas.Read(json.Get("schema"), Identifiers.ToPascalCase(key.Value!) + "Payload");
                    if (!payloads.Contains(payload))
                    {
                        payloads.Add(payload);
                    }
                }
            }

            return payloads;
        }

        private static bool IsJson(string mediaType)
        {
            string bare = mediaType.Split(';')[0].Trim();
            return bare == "application/json" || bare.EndsWith("+json", System.StringComparison.Ordinal);
        }
    }
}
