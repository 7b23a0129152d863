using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Reads an OpenAPI contract listed with <c>ContractRole="Reference"</c> for the C# names its component schemas get
    /// when it is generated (the same reader and the same reserved names as <see cref="ContractParser"/>, so the names
    /// match the types its own project has). Nothing is emitted for it and its problems are its own project's to report.
    /// </summary>
    internal static class ReferencedContractReader
    {
        public static ReferencedContract Read(ContractInput input, CancellationToken cancellationToken)
        {
            ContractParser.Settings settings = ContractParser.Settings.From(input, out _);
            string fileName = Path.GetFileName(input.Path);
            try
            {
                if (YamlLoader.Load(input.Text).Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root)
                {
                    return Empty(fileName, settings);
                }

                cancellationToken.ThrowIfCancellationRequested();
                var context = new ContractContext(input.Path, root, new LineMap(input.Text));
                context.TypeNames.Add(settings.ClientName + "Client");
                context.TypeNames.Add(settings.ClientName + "JsonContext");
                context.TypeNames.Add(settings.ClientName + "SecuritySchemes");
                var schemas = new SchemaReader(context);
                YamlNode? componentSchemas = root.GetMapping("components").Get("schemas");
                schemas.ReserveComponentNames(componentSchemas);
                schemas.ReadComponents(componentSchemas);
                string prefix = "global::" + settings.Namespace + ".";
                return new ReferencedContract(
                    fileName,
                    settings.Namespace,
                    schemas.NamedSchemas
                        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                        .Select(pair => Describe(pair.Key, pair.Value, schemas, prefix))
                        .ToEquatableArray());
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception)
            {
                // Unreadable: every $ref into it is then reported where it is made (RCG044).
                return Empty(fileName, settings);
            }
        }

        /// <summary>A record also names its members (JSON names) and says whether it keeps unknown ones.</summary>
        private static ReferencedSchema Describe(string name, TypeRef type, SchemaReader schemas, string prefix)
        {
            ObjectTypeModel? record = type.Kind == TypeKind.Object ? schemas.Objects.FirstOrDefault(o => o.Name == type.Name) : null;
            return record == null
                ? new ReferencedSchema(name, Qualify(type, prefix), IsRecord: false, EquatableArray<string>.Empty, KeepsAdditionalProperties: false)
                : new ReferencedSchema(name, Qualify(type, prefix), IsRecord: true, record.Properties.Select(p => p.JsonName).ToEquatableArray(), record.KeepsAdditionalProperties);
        }

        private static ReferencedContract Empty(string fileName, ContractParser.Settings settings) =>
            new ReferencedContract(fileName, settings.Namespace, EquatableArray<ReferencedSchema>.Empty);

        /// <summary>Generated types live in the referenced contract's namespace, not in the AsyncAPI document's.</summary>
        private static TypeRef Qualify(TypeRef type, string prefix) => type.Kind switch
        {
            TypeKind.Object or TypeKind.Enum => type with { Name = prefix + type.Name },
            TypeKind.Array or TypeKind.Map => type with { Element = Qualify(type.Element!, prefix) },
            _ => type,
        };
    }
}
