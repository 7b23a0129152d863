using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.Tests.Infrastructure;

/// <summary>A raw HTTP response: status, parsed JSON body and headers.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Body, HttpResponseHeaders Headers)
{
    public string? Header(string name) => Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.Single() : null;

    public string Text(string property) => Body.GetProperty(property).GetString()!;

    /// <summary>Asserts the status and that the body is exactly <paramref name="expectedJson"/>: same fields, same values, nothing more.</summary>
    public void ShouldBe(HttpStatusCode status, string expectedJson)
    {
        Assert.Equal(status, Status);
        JsonAssert.Equal(expectedJson, Body);
    }
}

/// <summary>Structural JSON comparison with a readable failure.</summary>
public static class JsonAssert
{
    public static void Equal(string expectedJson, JsonElement actual)
    {
        JsonNode? expected = JsonNode.Parse(expectedJson);
        JsonNode? actualNode = JsonNode.Parse(actual.GetRawText());
        Assert.True(JsonNode.DeepEquals(expected, actualNode), $"Expected JSON {expected?.ToJsonString()}\nbut was       {actualNode?.ToJsonString()}");
    }
}
