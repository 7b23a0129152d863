namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Tells an AsyncAPI document from an OpenAPI one without parsing it: by its <c>asyncapi</c> root key, which YAML
    /// writes at the start of a line (column 0) and JSON as the <c>"asyncapi"</c> member of the root object.
    /// </summary>
    internal static class AsyncApiDocument
    {
        public static bool Recognize(string text)
        {
            int index = 0;
            while (index < text.Length)
            {
                int end = text.IndexOf('\n', index);
                if (end < 0)
                {
                    end = text.Length;
                }

                if (StartsRootKey(text, index, end))
                {
                    return true;
                }

                index = end + 1;
            }

            return false;
        }

        private static bool StartsRootKey(string text, int start, int end)
        {
            // YAML: 'asyncapi:' at column 0. JSON: '{ "asyncapi":' or a first-level '"asyncapi":' on its own line.
            int at = start;
            if (at < end && text[at] == '{')
            {
                at++;
            }

            while (at < end && text[at] is ' ' or '\t')
            {
                at++;
            }

            foreach (string key in new[] { "asyncapi", "\"asyncapi\"", "'asyncapi'" })
            {
                if (string.CompareOrdinal(text, at, key, 0, key.Length) != 0)
                {
                    continue;
                }

                int after = at + key.Length;
                while (after < end && text[after] is ' ' or '\t')
                {
                    after++;
                }

                // Indented YAML is a nested key ('  asyncapi:'), not the root one; JSON has no meaningful indentation.
                bool json = key[0] == '"';
                if (after < end && text[after] == ':' && (json || at == start))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
