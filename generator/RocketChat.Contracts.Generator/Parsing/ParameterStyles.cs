using System.Collections.Generic;
using System.Linq;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Reads a parameter's <c>style</c>/<c>explode</c> and checks that the runtime can write its type that way.
    /// Only the combinations OpenAPI defines are accepted; anything else is a reason the caller reports.
    /// </summary>
    internal static class ParameterStyles
    {
        /// <summary>The style to send the parameter in, or null with <paramref name="problem"/> saying why it cannot be sent.</summary>
        public static ParameterStyle? Read(YamlNode parameter, ParameterLocation location, TypeRef type, List<ObjectTypeModel> objects, out string problem)
        {
            problem = string.Empty;
            string? style = parameter.GetString("style");
            bool? explode = parameter.Get("explode") is YamlScalarNode scalar && bool.TryParse(scalar.Value, out bool value) ? value : (bool?)null;
            bool isArray = type.Kind == TypeKind.Array;
            bool isObject = type.Kind is TypeKind.Object or TypeKind.Map or TypeKind.Json;

            if (location != ParameterLocation.Query)
            {
                string where = location == ParameterLocation.Path ? "a path" : "a header";
                if (style != null && style != "simple")
                {
                    problem = "style '" + style + "' in " + where + " (only 'simple' is sent)";
                    return null;
                }

                if (isObject)
                {
                    problem = "an object in " + where + " (objects are sent in the query only)";
                    return null;
                }

                return isArray && !IsScalar(type.Element!) ? Refuse(out problem, "an array of non-scalar items in " + where) : ParameterStyle.Simple;
            }

            style ??= "form";
            bool exploded = explode ?? style == "form";
            ParameterStyle? result = style switch
            {
                "form" => exploded ? ParameterStyle.FormExploded : ParameterStyle.Form,
                "spaceDelimited" when isArray => exploded ? ParameterStyle.FormExploded : ParameterStyle.SpaceDelimited,
                "pipeDelimited" when isArray => exploded ? ParameterStyle.FormExploded : ParameterStyle.PipeDelimited,
                "deepObject" when isObject => ParameterStyle.DeepObject,
                _ => null,
            };

            if (result == null)
            {
                problem = "style '" + style + "' (explode: " + (exploded ? "true" : "false") + ") for " + Describe(type) + " in the query";
                return null;
            }

            if (isArray && !IsScalar(type.Element!))
            {
                return Refuse(out problem, "an array of non-scalar items in the query");
            }

            if (type.Kind == TypeKind.Json)
            {
                return Refuse(out problem, "a free-form object in the query has no keys to write in style '" + style + "'; declare 'content: application/json' to send it as JSON text");
            }

            if (type.Kind == TypeKind.Map && !IsScalar(type.Element!))
            {
                return Refuse(out problem, "a map of non-scalar values in the query");
            }

            if (type.Kind == TypeKind.Object)
            {
                ObjectTypeModel? model = objects.FirstOrDefault(o => o.Name == type.Name);
                PropertyModel? nested = model?.Properties.FirstOrDefault(p => !IsScalar(p.Type));
                if (model == null || nested != null)
                {
                    return Refuse(out problem, "the object property '" + (nested?.JsonName ?? "?") + "' is not a scalar, which style '" + style + "' cannot write");
                }
            }

            return result;
        }

        /// <summary>Strings, numbers, booleans, dates and enums: what one query value can hold.</summary>
        public static bool IsScalar(TypeRef type) =>
            type.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean
                or TypeKind.DateTimeOffset or TypeKind.Enum;

        private static ParameterStyle? Refuse(out string problem, string reason)
        {
            problem = reason;
            return null;
        }

        private static string Describe(TypeRef type) => type.Kind switch
        {
            TypeKind.Array => "an array",
            TypeKind.Object or TypeKind.Map or TypeKind.Json => "an object",
            _ => "a scalar",
        };
    }
}
