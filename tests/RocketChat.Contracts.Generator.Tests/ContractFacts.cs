using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// What a contract's component schemas say about their members, read from the YAML by the test itself: readOnly,
/// writeOnly and default members, and the discriminator value of each derived schema. The round-trip test uses it to
/// expect what the contract asks for (a readOnly member is not written back, say) instead of a plain echo.
/// </summary>
public sealed class ContractFacts
{
    public HashSet<(string Type, string Member)> ReadOnly { get; } = new();

    public HashSet<(string Type, string Member)> WriteOnly { get; } = new();

    public HashSet<(string Type, string Member)> WithDefault { get; } = new();

    /// <summary>Derived type → (its base, the discriminator member, the value naming it).</summary>
    public Dictionary<string, (string Base, string Member, string Value)> Derived { get; } = new();

    public static ContractFacts Read(string path)
    {
        var facts = new ContractFacts();
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        if (!root.Children.TryGetValue("components", out YamlNode? components)
            || !((YamlMappingNode)components).Children.TryGetValue("schemas", out YamlNode? schemas))
        {
            return facts;
        }

        foreach ((YamlNode name, YamlNode node) in ((YamlMappingNode)schemas).Children)
        {
            if (node is not YamlMappingNode schema)
            {
                continue;
            }

            if (schema.Children.TryGetValue("properties", out YamlNode? properties) && properties is YamlMappingNode members)
            {
                foreach ((YamlNode member, YamlNode memberSchema) in members.Children)
                {
                    var m = (YamlMappingNode)memberSchema;
                    (string, string) key = (name.ToString(), member.ToString());
                    if (Is(m, "readOnly")) facts.ReadOnly.Add(key);
                    if (Is(m, "writeOnly")) facts.WriteOnly.Add(key);
                    if (m.Children.ContainsKey("default")) facts.WithDefault.Add(key);
                }
            }

            if (schema.Children.TryGetValue("discriminator", out YamlNode? discriminator)
                && ((YamlMappingNode)discriminator).Children.TryGetValue("mapping", out YamlNode? mapping))
            {
                string member = ((YamlMappingNode)discriminator).Children["propertyName"].ToString();
                foreach ((YamlNode value, YamlNode target) in ((YamlMappingNode)mapping).Children)
                {
                    string derived = target.ToString().Split('/').Last();
                    facts.Derived[derived] = (name.ToString(), member, value.ToString());
                }
            }
        }

        return facts;
    }

    private static bool Is(YamlMappingNode schema, string flag) =>
        schema.Children.TryGetValue(flag, out YamlNode? value) && value.ToString() == "true";
}
