using System.Collections.Generic;
using System.Linq;
using RocketChat.Contracts.Generator.Model;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Splits an <c>x-ddp-event-name</c> template (<c>{roomId}/user-activity</c>, <c>department/{departmentId}</c>)
    /// into literal text and parameters. A parameter name is a plain identifier, used once per template.
    /// </summary>
    internal static class EventNameTemplates
    {
        /// <summary>The segments of <paramref name="template"/>, or null with <paramref name="problem"/> saying why not.</summary>
        public static List<EventNameSegment>? Split(string template, out string problem)
        {
            problem = string.Empty;
            var segments = new List<EventNameSegment>();
            var parameters = new HashSet<string>();
            int index = 0;
            while (index < template.Length)
            {
                int open = template.IndexOf('{', index);
                int close = template.IndexOf('}', index);
                if (close >= 0 && (open < 0 || close < open))
                {
                    problem = "'}' at " + close + " closes nothing";
                    return null;
                }

                if (open < 0)
                {
                    segments.Add(new EventNameSegment(template.Substring(index), Parameter: false));
                    break;
                }

                if (open > index)
                {
                    segments.Add(new EventNameSegment(template.Substring(index, open - index), Parameter: false));
                }

                if (close < 0)
                {
                    problem = "'{' at " + open + " is never closed";
                    return null;
                }

                string name = template.Substring(open + 1, close - open - 1);
                if (!IsParameterName(name))
                {
                    problem = "'{" + name + "}' is not a parameter name (letters, digits and '_', not starting with a digit)";
                    return null;
                }

                if (!parameters.Add(name))
                {
                    problem = "the parameter '" + name + "' appears twice";
                    return null;
                }

                if (segments.Count > 0 && segments[segments.Count - 1].Parameter)
                {
                    problem = "two parameters follow each other without text between them, so the event name cannot be read back";
                    return null;
                }

                segments.Add(new EventNameSegment(name, Parameter: true));
                index = close + 1;
            }

            if (segments.Count == 0)
            {
                problem = "it is empty";
                return null;
            }

            return segments;
        }

        /// <summary>What tells one template of a channel from the others: its literal text before the first parameter.</summary>
        public static string NameOf(IReadOnlyList<EventNameSegment> segments)
        {
            string literal = string.Concat(segments.TakeWhile(s => !s.Parameter).Select(s => s.Text));
            if (literal.Length == 0)
            {
                literal = string.Join(" ", segments.Select(s => s.Text));
            }

            return Identifiers.ToPascalCase(literal);
        }

        private static bool IsParameterName(string name) =>
            name.Length > 0
            && !char.IsDigit(name[0])
            && name.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    }
}
