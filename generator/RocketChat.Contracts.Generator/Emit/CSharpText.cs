using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RocketChat.Contracts.Generator.Emit
{
    /// <summary>
    /// The only ways contract text enters generated code: as an escaped string literal or as escaped XML doc text.
    /// Both are built so that no contract string can end the literal or the comment.
    /// </summary>
    internal static class CSharpText
    {
        /// <summary>A C# string literal; everything outside printable ASCII becomes a \u escape.</summary>
        public static string Literal(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    default:
                        if (c < 0x20 || c > 0x7E)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>A UTF-8 literal for matching property names with Utf8JsonReader.ValueTextEquals.</summary>
        public static string Utf8Literal(string value) => $"{Literal(value)}u8";

        /// <summary>
        /// Lines of XML doc text: XML-escaped, split on every character C# treats as a line break
        /// (including U+0085, U+2028, U+2029), other control characters dropped.
        /// </summary>
        public static IEnumerable<string> DocLines(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                yield break;
            }

            var line = new StringBuilder();
            var lines = new List<string>();
            foreach (char c in text!)
            {
                switch (c)
                {
                    case '\n':
                    case '\r':
                    case '\u0085':
                    case '\u2028':
                    case '\u2029':
                        lines.Add(line.ToString());
                        line.Clear();
                        break;
                    case '&':
                        line.Append("&amp;");
                        break;
                    case '<':
                        line.Append("&lt;");
                        break;
                    case '>':
                        line.Append("&gt;");
                        break;
                    default:
                        if (!char.IsControl(c))
                        {
                            line.Append(c);
                        }

                        break;
                }
            }

            lines.Add(line.ToString());

            // Drop trailing blanks and collapse runs of empty lines.
            bool previousEmpty = true;
            var kept = new List<string>();
            foreach (string raw in lines)
            {
                string trimmed = raw.TrimEnd();
                bool empty = trimmed.Length == 0;
                if (empty && previousEmpty)
                {
                    continue;
                }

                kept.Add(trimmed);
                previousEmpty = empty;
            }

            while (kept.Count > 0 && kept[kept.Count - 1].Length == 0)
            {
                kept.RemoveAt(kept.Count - 1);
            }

            foreach (string k in kept)
            {
                yield return k;
            }
        }

        /// <summary>Writes a doc element (summary, remarks, param…) when there is text for it.</summary>
        public static void Doc(SourceWriter writer, string element, string? text, string? attributes = null) =>
            WriteElement(writer, element, new List<string>(DocLines(text)), attributes);

        /// <summary>
        /// Writes <paramref name="text"/> as a doc element, or the trusted XML <paramref name="fallbackXml"/> when there is
        /// nothing to show of it (none, blanks, or only control characters).
        /// </summary>
        public static void DocOrDefault(SourceWriter writer, string element, string? text, string fallbackXml, string? attributes = null)
        {
            var lines = new List<string>(DocLines(text));
            if (lines.Count == 0)
            {
                lines.Add(fallbackXml);
            }

            WriteElement(writer, element, lines, attributes);
        }

        private static void WriteElement(SourceWriter writer, string element, List<string> lines, string? attributes)
        {
            if (lines.Count == 0)
            {
                return;
            }

            string open = attributes == null ? $"<{element}>" : $"<{element} {attributes}>";
            if (lines.Count == 1)
            {
                writer.Line($"/// {open}{lines[0]}</{element}>");
                return;
            }

            writer.Line($"/// {open}");
            foreach (string line in lines)
            {
                writer.Line(line.Length == 0 ? "/// <para/>" : $"/// {line}");
            }

            writer.Line($"/// </{element}>");
        }

        /// <summary>A wire name inside &lt;c&gt;, escaped for XML.</summary>
        public static string Code(string wireName) => $"<c>{string.Join(" ", DocLines(wireName))}</c>";

        /// <summary>The <c>name</c> attribute of a param doc element; <paramref name="identifier"/> is a C# identifier, so needs no escaping.</summary>
        public static string ParamName(string identifier) => $"name=\"{identifier.TrimStart('@')}\"";
    }
}
