using System;
using System.Collections.Generic;
using System.Linq;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Reads a <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c> body schema into form fields:
    /// each property becomes a method parameter, binary properties (<c>format: binary</c>) become file parts.
    /// </summary>
    internal static class FormBodyReader
    {
        public const string Multipart = "multipart/form-data";
        public const string UrlEncoded = "application/x-www-form-urlencoded";

        /// <summary>The form media entry of <paramref name="content"/>, multipart first; null when there is none.</summary>
        public static (string MediaType, YamlNode Media)? Find(YamlNode? content)
        {
            foreach (string wanted in new[] { Multipart, UrlEncoded })
            {
                foreach ((YamlScalarNode key, YamlNode value) in content.Entries())
                {
                    if (MediaTypes.Essence(key.Value!) == wanted)
                    {
                        return (wanted, value);
                    }
                }
            }

            return null;
        }

        /// <summary>The fields (<see cref="FormFieldModel.Name"/> is the wanted PascalCase name, made unique later), or null with the reason.</summary>
        public static List<FormFieldModel>? Read(ContractContext context, SchemaReader schemas, YamlNode media, bool multipart, string typeHint, out string problem)
        {
            problem = string.Empty;
            YamlNode? schema = Resolve(context, media.Get("schema"));
            if (schema.Get("properties") is not YamlMappingNode properties)
            {
                problem = "the form schema has no 'properties'";
                return null;
            }

            var required = new HashSet<string>(
                schema.GetSequence("required")?.Children.OfType<YamlScalarNode>().Select(s => s.Value!) ?? Enumerable.Empty<string>(),
                StringComparer.Ordinal);
            var fields = new List<FormFieldModel>();
            foreach ((YamlScalarNode key, YamlNode value) in properties.Entries())
            {
                string wireName = key.Value!;
                YamlNode? property = Resolve(context, value);
                bool isArray = property.GetString("type") == "array";
                YamlNode? item = isArray ? Resolve(context, property.Get("items")) : property;
                bool isFile = IsBinary(item);
                if (isFile && !multipart)
                {
                    problem = "the binary field '" + wireName + "' needs multipart/form-data";
                    return null;
                }

                TypeRef type = isFile
                    ? (isArray ? TypeRef.ArrayOf(TypeRef.String) : TypeRef.String)
                    : schemas.Read(value, typeHint + Identifiers.ToPascalCase(wireName));
                TypeRef scalar = type.Kind == TypeKind.Array ? type.Element! : type;
                if (!isFile && !ParameterStyles.IsScalar(scalar))
                {
                    problem = "the field '" + wireName + "' is an object; form fields hold text, numbers, booleans, dates, enums or files";
                    return null;
                }

                fields.Add(new FormFieldModel(wireName, context.NameFor(value, Identifiers.ToPascalCase(wireName)), type, isFile, required.Contains(wireName), SchemaReader.Describe(property)));
            }

            return fields;
        }

        /// <summary>OpenAPI 3.0 <c>format: binary</c>, or 3.1 <c>contentMediaType</c> without a text encoding.</summary>
        private static bool IsBinary(YamlNode? schema) =>
            schema.GetString("format") == "binary"
            || (schema.GetString("contentMediaType") != null && schema.GetString("contentEncoding") == null);

        private static YamlNode? Resolve(ContractContext context, YamlNode? schema)
        {
            for (int depth = 0; depth < 16 && schema.GetString("$ref") is string reference; depth++)
            {
                schema = context.ResolvePointer(reference, null);
            }

            return schema;
        }
    }
}
