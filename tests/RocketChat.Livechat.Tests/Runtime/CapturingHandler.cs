using System.Net;
using System.Text;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>An in-process handler that records each request and answers with one fixed JSON body and status.</summary>
internal sealed class CapturingHandler(HttpStatusCode status = HttpStatusCode.OK, string body = """{"success":true}""") : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public Action<HttpResponseMessage>? Decorate { get; init; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var response = new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        Decorate?.Invoke(response);
        return Task.FromResult(response);
    }
}
