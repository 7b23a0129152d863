using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>
/// Paging over a real connection tells a repeated page by the arrays of the response only: pages that differ only in
/// their items are all read, whatever else the envelope holds, and bodies that are not objects are never taken for a
/// repeat.
/// </summary>
public sealed class PageFingerprintTests
{
    private static readonly JsonTypeInfo<JsonElement> s_element = (JsonTypeInfo<JsonElement>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonElement));

    [Fact]
    public async Task Pages_that_share_a_nested_array_but_differ_in_items_are_all_read()
    {
        string[] pages =
        [
            """{"meta":{"tags":["a"]},"items":[1,2],"count":2}""",
            """{"meta":{"tags":["a"]},"items":[3,4],"count":2}""",
            """{"meta":{"tags":["a"]},"items":[],"count":0}""",
        ];

        Assert.Equal([1, 2, 3, 4], await Walk(pages, page => page.GetProperty("items")));
    }

    [Fact]
    public async Task A_page_repeated_with_another_count_is_still_a_repeat()
    {
        string[] pages =
        [
            """{"items":[1,2],"count":2,"offset":0}""",
            """{"items":[1,2],"count":2,"offset":2}""",
            """{"items":[5],"count":1,"offset":4}""",
        ];

        Assert.Equal([1, 2], await Walk(pages, page => page.GetProperty("items")));
    }

    [Fact]
    public async Task Array_bodies_are_never_taken_for_a_repeat()
    {
        string[] pages = ["[1,2]", "[3,4]", "[]"];

        Assert.Equal([1, 2, 3, 4], await Walk(pages, page => page));
    }

    /// <summary>Pages through a connection whose server answers the i-th request with <paramref name="pages"/>[i].</summary>
    private static async Task<List<int>> Walk(string[] pages, Func<JsonElement, JsonElement> items)
    {
        var handler = new PageHandler(pages);
        var connection = new RocketChatConnection(new HttpClient(handler), new Uri("https://chat.example.com/"));
        var seen = new List<int>();
        await foreach (JsonElement item in OffsetPaging.EnumerateAsync(
            (offset, count, token) => connection.SendAsync(new ApiRequest(HttpMethod.Get, "List", requiresAuthentication: false).AppendPath("api/v1/list").AddQuery("offset", (long)offset), s_element, token),
            page => items(page).EnumerateArray().ToList(),
            _ => null,
            0,
            2))
        {
            seen.Add(item.GetInt32());
        }

        Assert.True(handler.Served <= pages.Length, "paging asked for more pages than the server has");
        return seen;
    }

    private sealed class PageHandler(string[] pages) : HttpMessageHandler
    {
        public int Served { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body = pages[Math.Min(Served, pages.Length - 1)];
            Served++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
