using System.Collections.Generic;
using System.Text;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Turns contract strings into C# identifiers. Only ASCII letters, digits and '_' survive,
    /// so no contract text can reach generated code through a name.
    /// </summary>
    internal static class Identifiers
    {
        private static readonly HashSet<string> s_keywords = new HashSet<string>
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
            "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
            "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
            "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
            "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
            "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
            "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        };

        /// <summary>"post-api-v1-livechat-users-:type" → "PostApiV1LivechatUsersType"; "_id" → "Id"; "registerVisitor" → "RegisterVisitor".</summary>
        public static string ToPascalCase(string raw)
        {
            var builder = new StringBuilder(raw.Length);
            bool upperNext = true;
            foreach (char c in raw)
            {
                if (IsAsciiLetterOrDigit(c))
                {
                    builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                    upperNext = false;
                }
                else
                {
                    upperNext = true;
                }
            }

            if (builder.Length == 0)
            {
                return "Value";
            }

            if (char.IsDigit(builder[0]))
            {
                builder.Insert(0, 'N');
            }

            return builder.ToString();
        }

        /// <summary>A parameter or local name: camelCase, and '@'-escaped when it is a keyword.</summary>
        public static string ToCamelCase(string raw)
        {
            string pascal = ToPascalCase(raw);
            string camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
            return s_keywords.Contains(camel) ? "@" + camel : camel;
        }

        /// <summary>True when the text is already a plain C# identifier (ASCII, not a keyword).</summary>
        public static bool IsValidIdentifier(string? text)
        {
            if (string.IsNullOrEmpty(text) || s_keywords.Contains(text!))
            {
                return false;
            }

            if (!(IsAsciiLetter(text![0]) || text[0] == '_'))
            {
                return false;
            }

            foreach (char c in text)
            {
                if (!(IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True for a dotted namespace made of valid identifiers.</summary>
        public static bool IsValidNamespace(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            foreach (string part in text!.Split('.'))
            {
                if (!IsValidIdentifier(part))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Returns <paramref name="name"/> or the first of name2, name3, … not yet in <paramref name="used"/>, and records it.</summary>
        public static string Unique(string name, HashSet<string> used)
        {
            string candidate = name;
            for (int i = 2; !used.Add(candidate); i++)
            {
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9');
    }
}
