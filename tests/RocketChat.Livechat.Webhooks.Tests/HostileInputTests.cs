using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>Bodies nobody here wrote: every one that cannot be read is a 400 with its reason logged, never a 500 the server retries five times.</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string, byte[]> UnreadableBodies => new()
    {
        // Invalid UTF-8 (a lone continuation byte) inside the visitor's name of a known type.
        { "invalid UTF-8 in a field", Encoding.UTF8.GetBytes(Payloads.Room("Message")).Replace("Ada\",\"username"u8.ToArray(), [.. "Ad"u8, 0x80, .. "\",\"username"u8]) },
        // Invalid UTF-8 in the type itself.
        { "invalid UTF-8 in the type", [.. "{\"type\":\"Mess"u8, 0xC3, 0x28, .. "\"}"u8] },
        // Invalid UTF-8 inside an unknown type, which is handed over whole: its Raw would fail in the handler.
        { "invalid UTF-8 in an unknown type", [.. "{\"type\":\"LivechatSomethingNew\",\"note\":\"a"u8, 0xFF, .. "b\"}"u8] },
        { "a number where a string is due", Encoding.UTF8.GetBytes(Payloads.Room("Message").Replace("\"label\":\"Ada\"", "\"label\":12", StringComparison.Ordinal)) },
        { "a date out of range", Encoding.UTF8.GetBytes(Payloads.Room("Message").Replace("\"createdAt\":\"2024-05-06T07:08:00.000Z\"", "\"createdAt\":{\"$date\":1e300}", StringComparison.Ordinal)) },
        { "an epoch date out of range", Encoding.UTF8.GetBytes(Payloads.Room("Message").Replace("\"createdAt\":\"2024-05-06T07:08:00.000Z\"", "\"createdAt\":-99999999999999999", StringComparison.Ordinal)) },
        { "nesting 10000 deep", Encoding.UTF8.GetBytes("{\"type\":\"Message\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}") },
        { "nesting inside a known field", Encoding.UTF8.GetBytes(Payloads.Room("Message", ",\"customFields\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200))) },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task An_unreadable_body_is_a_400_with_the_reason_logged(string what, byte[] body)
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using HttpResponseMessage response = await receiver.Http.PostAsync(ReceiverHost.Path, content);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Contains(receiver.Logs.Messages, line => line.Contains("malformed", StringComparison.Ordinal));
        Assert.Empty(receiver.Received.All);
    }

    [Fact]
    public async Task An_unknown_event_type_is_logged_even_when_no_handler_looks_at_it()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(register: services => services.AddRocketChatLivechatWebhooks(_ => { }));

        using HttpResponseMessage response = await receiver.PostAsync("""{"type":"LivechatSomethingNew","room":{"_id":"r9"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(receiver.Logs.Messages, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("LivechatSomethingNew", StringComparison.Ordinal));
    }
}

internal static class ByteArrayExtensions
{
    public static byte[] Replace(this byte[] source, byte[] find, byte[] replacement)
    {
        int at = source.AsSpan().IndexOf(find);
        if (at < 0)
        {
            throw new ArgumentException("The bytes to replace are not there.");
        }

        return [.. source.AsSpan(0, at), .. replacement, .. source.AsSpan(at + find.Length)];
    }
}
