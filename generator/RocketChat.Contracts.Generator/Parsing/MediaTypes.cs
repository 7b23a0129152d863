using System;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>Which media types are read as text; everything that is neither JSON nor text is binary.</summary>
    internal static class MediaTypes
    {
        public static string Essence(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

        /// <summary>text/*, XML, and the other structured-text types a string holds faithfully.</summary>
        public static bool IsText(string mediaType)
        {
            string essence = Essence(mediaType);
            return essence.StartsWith("text/", StringComparison.Ordinal)
                || essence == "application/xml" || essence.EndsWith("+xml", StringComparison.Ordinal)
                || essence == "application/yaml" || essence == "application/x-yaml"
                || essence == "application/javascript" || essence == "application/x-www-form-urlencoded";
        }
    }
}
