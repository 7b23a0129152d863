using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RocketChat.Contracts.Generator.Diagnostics;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Parses an AsyncAPI 3 document describing DDP streams (channels with <c>x-ddp-*</c> extensions) into a
    /// <see cref="RealtimeModel"/>. Schemas are read by the OpenAPI <see cref="SchemaReader"/>; a <c>$ref</c> into another
    /// file names a type of a <see cref="ReferencedContract"/>. Never throws except on cancellation.
    /// </summary>
    internal static class AsyncApiParser
    {
        public static RealtimeModel Parse(ContractInput input, EquatableArray<ReferencedContract> references, CancellationToken cancellationToken)
        {
            ContractParser.Settings settings = ContractParser.Settings.From(input, out List<DiagnosticInfo> diagnostics);
            try
            {
                return ParseCore(input, settings, references, diagnostics, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.InternalError.Id,
                    new LocationInfo(input.Path, 0, 0, 0, 0),
                    new[] { ex.GetType().Name + ": " + ex.Message }.ToEquatableArray()));
                return Empty(input, settings, diagnostics);
            }
        }

        private static RealtimeModel ParseCore(
            ContractInput input,
            ContractParser.Settings settings,
            EquatableArray<ReferencedContract> references,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            var lines = new LineMap(input.Text);
            YamlStream stream;
            try
            {
                stream = YamlLoader.Load(input.Text);
            }
            catch (YamlException ex)
            {
                int line = (int)ex.Start.Line - 1, column = (int)ex.Start.Column - 1;
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.InvalidDocument.Id,
                    new LocationInfo(input.Path, lines.Offset(line, column), 1, line, column),
                    new[] { ex.Message }.ToEquatableArray()));
                return Empty(input, settings, diagnostics);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.InvalidDocument.Id,
                    new LocationInfo(input.Path, 0, 1, 0, 0),
                    new[] { "the document is empty or is not a mapping" }.ToEquatableArray()));
                return Empty(input, settings, diagnostics);
            }

            var context = new ContractContext(input.Path, root, lines);
            string? version = root.GetString("asyncapi");
            if (version == null || !version.StartsWith("3.", StringComparison.Ordinal))
            {
                string message = version == null
                    ? "The 'asyncapi' root key holds no version"
                    : "The AsyncAPI version '" + version + "' is not supported; use 3.0";
                context.Report(DiagnosticDescriptors.NotAsyncApi3, root.Get("asyncapi") ?? root, message);
                diagnostics.AddRange(context.Diagnostics);
                return Empty(input, settings, diagnostics);
            }

            string className = settings.ClientName;
            foreach (string generated in new[] { className + "Streams", className + "Stream", className + "JsonContext" })
            {
                context.TypeNames.Add(generated);
            }

            var schemas = new SchemaReader(context);
            schemas.ExternalReferences = (reference, node) => ResolveExternal(context, references, reference, node);
            schemas.ExternalSchemaOf = type => references.SelectMany(r => r.Schemas).FirstOrDefault(s => s.Type == type);
            if (!input.IsNamesOnly)
            {
                YamlNode? componentSchemas = root.GetMapping("components").Get("schemas");
                schemas.ReserveComponentNames(componentSchemas);
                schemas.ReadComponents(componentSchemas);
            }

            // ContractRole="Names": the names and eventName builders only, no payload read (nor typed).
            var reader = new ChannelReader(context, schemas, className + "Streams", readsPayloads: !input.IsNamesOnly);
            List<ChannelModel> channels = reader.ReadChannels(root.Get("channels"), cancellationToken);

            var rootTypes = new List<TypeRef>();
            rootTypes.AddRange(schemas.Objects.Select(o => new TypeRef(TypeKind.Object, o.Name)));
            rootTypes.AddRange(schemas.Unions.Select(u => new TypeRef(TypeKind.Object, u.Name)));
            rootTypes.AddRange(schemas.Enums.Select(e => new TypeRef(TypeKind.Enum, e.Name)));
            rootTypes.AddRange(reader.ArgumentTypes.Select(a => new TypeRef(TypeKind.Object, a.Name)));

            diagnostics.AddRange(context.Diagnostics);
            string? title = root.GetMapping("info").GetString("title");
            string? description = root.GetMapping("info").GetString("description");
            var schemaModel = new ContractModel(
                input.Path,
                settings.HintPrefix,
                settings.Namespace,
                className,
                settings.IsPublic,
                title,
                description,
                schemas.ObjectsWithBases().ToEquatableArray(),
                schemas.Enums.ToEquatableArray(),
                EquatableArray<ClientModel>.Empty,
                rootTypes.ToEquatableArray(),
                EquatableArray<DiagnosticInfo>.Empty,
                schemas.Unions.ToEquatableArray(),
                EquatableArray<SecuritySchemeModel>.Empty,
                EquatableArray<OperationSecurityModel>.Empty);
            return new RealtimeModel(
                input.Path,
                settings.HintPrefix,
                settings.Namespace,
                className,
                settings.IsPublic,
                title,
                description,
                channels.ToEquatableArray(),
                reader.ArgumentTypes.ToEquatableArray(),
                schemaModel,
                diagnostics.ToEquatableArray());
        }

        /// <summary>
        /// <c>file.yaml#/components/schemas/Name</c>: the type generated for <c>Name</c> from the AdditionalFiles item
        /// named <c>file.yaml</c> that has <c>ContractRole="Reference"</c>. Anything else is reported (RCG044).
        /// </summary>
        private static TypeRef ResolveExternal(ContractContext context, EquatableArray<ReferencedContract> references, string reference, YamlNode node)
        {
            const string SchemaPointer = "#/components/schemas/";
            int hash = reference.IndexOf('#');
            string file = hash < 0 ? reference : reference.Substring(0, hash);
            string pointer = hash < 0 ? string.Empty : reference.Substring(hash);
            string fileName = file.Substring(file.LastIndexOfAny(new[] { '/', '\\' }) + 1);
            ReferencedContract? contract = references.FirstOrDefault(r => string.Equals(r.FileName, fileName, StringComparison.OrdinalIgnoreCase));
            string? problem = null;
            if (file.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                problem = "URLs are never fetched";
            }
            else if (contract == null)
            {
                problem = "no AdditionalFiles item named '" + fileName + "' has ContractRole=\"Reference\"";
            }
            else if (!pointer.StartsWith(SchemaPointer, StringComparison.Ordinal) || pointer.IndexOf('/', SchemaPointer.Length) >= 0)
            {
                problem = "only '#/components/schemas/<name>' is followed into another file";
            }
            else
            {
                string name = ContractContext.UnescapePointer(pointer.Substring(SchemaPointer.Length));
                ReferencedSchema? schema = contract.Schemas.FirstOrDefault(s => s.Name == name);
                if (schema != null)
                {
                    return schema.Type;
                }

                problem = "'" + fileName + "' has no component schema '" + name + "'";
            }

            context.Report(DiagnosticDescriptors.UnresolvedCrossFileReference, node, reference, problem);
            return TypeRef.Json;
        }

        private static RealtimeModel Empty(ContractInput input, ContractParser.Settings settings, List<DiagnosticInfo> diagnostics)
        {
            var schemas = new ContractModel(
                input.Path, settings.HintPrefix, settings.Namespace, settings.ClientName, settings.IsPublic, null, null,
                EquatableArray<ObjectTypeModel>.Empty, EquatableArray<EnumTypeModel>.Empty, EquatableArray<ClientModel>.Empty,
                EquatableArray<TypeRef>.Empty, EquatableArray<DiagnosticInfo>.Empty, EquatableArray<UnionTypeModel>.Empty,
                EquatableArray<SecuritySchemeModel>.Empty, EquatableArray<OperationSecurityModel>.Empty);
            return new RealtimeModel(
                input.Path, settings.HintPrefix, settings.Namespace, settings.ClientName, settings.IsPublic, null, null,
                EquatableArray<ChannelModel>.Empty, EquatableArray<ArgumentsTypeModel>.Empty, schemas, diagnostics.ToEquatableArray());
        }
    }
}
