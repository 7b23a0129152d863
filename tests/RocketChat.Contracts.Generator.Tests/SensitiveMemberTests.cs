using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Members the contract marks as secrets (<c>format: password</c>, <c>x-sensitive: true</c>) never appear in a
/// generated record's ToString(), which is what logs and exception messages print; the other members still do.
/// </summary>
public sealed class SensitiveMemberTests
{
    public static TheoryData<string, string> Contracts => new()
    {
        { "livechat", Path.Combine(RepoPaths.Contracts, "livechat.yaml") },
        { "petstore", Path.Combine(RepoPaths.TestContracts, "petstore.yaml") },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_sensitive_member_is_masked_in_ToString_and_the_others_are_printed(string contract, string path)
    {
        CompiledContract compiled = ModelRoundTripTests.Compiled(contract);
        List<(string Schema, string Member)> sensitive = SensitiveMembers(path);
        Assert.NotEmpty(sensitive);

        foreach ((string schema, string member) in sensitive)
        {
            Type record = compiled.Type(schema);
            var json = JsonSamples.Object(record, Limit.Max);
            string secret = $"s3cr3t-{schema}-{member}";
            json[member] = secret;

            object value = compiled.Deserialize(json.ToJsonString(), record)!;
            string printed = value.ToString()!;

            ModelMember masked = ModelMember.Of(record).Single(m => m.JsonName == member);
            Assert.DoesNotContain(secret, printed, StringComparison.Ordinal);
            Assert.Contains(masked.Property.Name + " = ***", printed, StringComparison.Ordinal);
            Assert.StartsWith(record.Name + " { ", printed, StringComparison.Ordinal);

            // Every other member is still printed, as the record would.
            foreach (ModelMember other in ModelMember.Of(record).Where(m => m.JsonName != member && !sensitive.Contains((schema, m.JsonName))))
            {
                Assert.Contains(other.Property.Name + " = ", printed, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_livechat_contract_marks_passwords_auth_tokens_and_visitor_tokens()
    {
        List<(string Schema, string Member)> sensitive = SensitiveMembers(Path.Combine(RepoPaths.Contracts, "livechat.yaml"));

        Assert.Contains(("LoginRequest", "password"), sensitive);
        Assert.Contains(("LoginRequest", "resume"), sensitive);
        Assert.Contains(("LoginData", "authToken"), sensitive);
        Assert.Contains(("Visitor", "token"), sensitive);
        Assert.Contains(("VisitorInput", "token"), sensitive);
        Assert.Contains(("SendMessageRequest", "token"), sensitive);
    }

    [Fact]
    public void A_login_response_printed_whole_does_not_show_the_auth_token()
    {
        CompiledContract livechat = ModelRoundTripTests.Compiled("livechat");
        Type response = livechat.Type("LoginResponse");

        object login = livechat.Deserialize(
            """{"status":"success","data":{"userId":"u1","authToken":"9HqLlyZOugoStsXCUfD_0YdwnNnunAJF8V47U3QHXSq","me":{"_id":"u1","username":"agent"}}}""",
            response)!;

        string printed = login.ToString()!;
        Assert.DoesNotContain("9HqLlyZOugoStsXCUfD", printed, StringComparison.Ordinal);
        Assert.Contains("UserId = u1", printed, StringComparison.Ordinal);
        Assert.Contains("AuthToken = ***", printed, StringComparison.Ordinal);
    }

    /// <summary>(component schema, JSON member) for each property the contract marks sensitive.</summary>
    private static List<(string Schema, string Member)> SensitiveMembers(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var schemas = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children["components"]).Children["schemas"];
        var found = new List<(string, string)>();
        foreach ((YamlNode name, YamlNode schema) in schemas.Children)
        {
            if (schema is YamlMappingNode mapping && mapping.Children.TryGetValue("properties", out YamlNode? properties))
            {
                foreach ((YamlNode member, YamlNode memberSchema) in ((YamlMappingNode)properties).Children)
                {
                    var m = (YamlMappingNode)memberSchema;
                    bool password = m.Children.TryGetValue("format", out YamlNode? format) && format.ToString() == "password";
                    bool extension = m.Children.TryGetValue("x-sensitive", out YamlNode? flag) && flag.ToString() == "true";
                    if (password || extension)
                    {
                        found.Add((name.ToString(), member.ToString()));
                    }
                }
            }
        }

        return found;
    }
}
