using System.Net;
using System.Net.Http.Headers;

namespace RocketChat.Contracts.Benchmarks;

/// <summary>What one request looked like on the wire (recorded only during the GlobalSetup cross-check).</summary>
public sealed record RecordedRequest(string Method, string Uri, IReadOnlyDictionary<string, string> Headers, string? Body);

/// <summary>
/// An in-memory server: no sockets. Every request body is read (so a lazily serialized body is really
/// serialized), and the response is a canned JSON body chosen by path, with the rate-limit headers Rocket.Chat
/// sends on these routes. Routing reads <see cref="Uri.OriginalString"/> and allocates nothing itself.
/// </summary>
public sealed class CannedResponseHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };
    private readonly Payloads _payloads;

    public CannedResponseHandler(Payloads payloads)
    {
        _payloads = payloads;
    }

    /// <summary>When set, requests are recorded here with their headers and body.</summary>
    public List<RecordedRequest>? Recording { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = null;
        if (Recording is not null)
        {
            body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            if (request.Content is not null)
            {
                foreach (KeyValuePair<string, IEnumerable<string>> header in request.Content.Headers)
                {
                    headers[header.Key] = string.Join(",", header.Value);
                }
            }

            Recording.Add(new RecordedRequest(request.Method.Method, request.RequestUri!.OriginalString, headers, body));
        }
        else if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        byte[] payload = Route(request);
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(payload),
        };
        response.Content.Headers.ContentType = s_json;
        response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", "10");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "9");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "1710339989118");
        return response;
    }

    private byte[] Route(HttpRequestMessage request)
    {
        ReadOnlySpan<char> uri = request.RequestUri!.OriginalString;
        if (uri.Contains("/livechat/messages.history/", StringComparison.Ordinal))
        {
            return _payloads.MessageHistory;
        }

        if (uri.Contains("/livechat/message", StringComparison.Ordinal))
        {
            return _payloads.SendMessage;
        }

        if (uri.Contains("/livechat/visitor", StringComparison.Ordinal))
        {
            return _payloads.RegisterVisitor;
        }

        if (uri.Contains("/livechat/rooms", StringComparison.Ordinal))
        {
            return _payloads.RoomsPage;
        }

        throw new InvalidOperationException("No canned response for " + request.RequestUri);
    }
}
