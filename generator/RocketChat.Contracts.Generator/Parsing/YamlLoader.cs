using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Loads a contract's YAML. YamlDotNet rejects a whitespace-only line inside a block scalar that most YAML readers
    /// accept (Rocket.Chat's own rooms.yaml has one), so a rejected text is read again with such lines emptied.
    /// Only spaces disappear: every line and every node's column stay where they were, so diagnostics still point
    /// at the right place (see <see cref="LineMap"/> for offsets).
    /// </summary>
    internal static class YamlLoader
    {
        public static YamlStream Load(string text)
        {
            try
            {
                return LoadExactly(text);
            }
            catch (YamlException original)
            {
                string emptied = EmptyWhitespaceOnlyLines(text);
                if (emptied == text)
                {
                    throw;
                }

                try
                {
                    return LoadExactly(emptied);
                }
                catch (Exception ex) when (ex is not YamlException)
                {
                    // YamlDotNet fails without a position on some broken texts: the first error is the better report.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(original).Throw();
                    throw;
                }

                // A YamlException from the emptied text propagates: blank lines were not the problem, it names the real one
                // (lines and columns are unchanged).
            }
        }

        public static string EmptyWhitespaceOnlyLines(string text)
        {
            var result = new StringBuilder(text.Length);
            int lineStart = 0;
            while (lineStart <= text.Length)
            {
                int lineEnd = text.IndexOf('\n', lineStart);
                int contentEnd = lineEnd < 0 ? text.Length : lineEnd;
                if (contentEnd > lineStart && text[contentEnd - 1] == '\r')
                {
                    contentEnd--;
                }

                if (!IsBlank(text, lineStart, contentEnd))
                {
                    result.Append(text, lineStart, contentEnd - lineStart);
                }

                if (lineEnd < 0)
                {
                    break;
                }

                result.Append(text, contentEnd, lineEnd + 1 - contentEnd);
                lineStart = lineEnd + 1;
            }

            return result.ToString();
        }

        private static YamlStream LoadExactly(string text)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream;
        }

        private static bool IsBlank(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (text[i] != ' ' && text[i] != '\t')
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Turns a zero-based line and column into an offset of the text as the user wrote it.</summary>
    internal sealed class LineMap
    {
        private readonly List<int> _lineStarts = new List<int> { 0 };
        private readonly int _length;

        public LineMap(string text)
        {
            _length = text.Length;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public int Offset(int line, int column)
        {
            if (line < 0 || line >= _lineStarts.Count)
            {
                return 0;
            }

            return System.Math.Min(_lineStarts[line] + System.Math.Max(column, 0), _length);
        }
    }
}
