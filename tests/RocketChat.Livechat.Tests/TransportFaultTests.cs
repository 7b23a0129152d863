using System.Diagnostics;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests;

/// <summary>Stalls, cuts and resets: every transport failure is a typed exception, and no call outlives its timeout.</summary>
public sealed class TransportFaultTests : IAsyncLifetime
{
    private readonly FaultServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LivechatClient Client(TimeSpan? timeout = null) =>
        LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _server.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task A_response_that_stalls_after_its_headers_ends_in_a_connection_exception_at_the_timeout()
    {
        _server.Reply(Faults.StallAfterHeaders());
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<RocketChatConnectionException>(() => Client(TimeSpan.FromMilliseconds(500)).Visitors.GetVisitorAsync("tok"));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(10));
        Assert.Contains("no complete response within 0.5 s", ex.Message);
    }

    [Fact]
    public async Task A_stall_also_times_out_on_a_caller_supplied_HttpClient_through_its_own_timeout()
    {
        _server.Reply(Faults.StallAfterHeaders());
        using var httpClient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _server.BaseAddress }, httpClient);

        await Assert.ThrowsAsync<RocketChatConnectionException>(() => client.Visitors.GetVisitorAsync("tok"));
    }

    [Fact]
    public async Task Cancelling_while_the_body_stalls_is_an_OperationCanceledException_not_a_timeout()
    {
        _server.Reply(Faults.StallAfterHeaders());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Exception ex = await Record.ExceptionAsync(() => Client().Visitors.GetVisitorAsync("tok", cancellation.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
    }

    [Fact]
    public async Task Fewer_bytes_than_Content_Length_is_a_connection_exception()
    {
        _server.Reply(Faults.ShortBody(declaredLength: 500));

        var ex = await Assert.ThrowsAsync<RocketChatConnectionException>(() => Client().Visitors.GetVisitorAsync("tok"));

        Assert.Contains("broke while the response was read", ex.Message);
    }

    [Fact]
    public async Task A_reset_mid_body_is_a_connection_exception()
    {
        _server.Reply(Faults.ResetMidBody());

        await Assert.ThrowsAsync<RocketChatConnectionException>(() => Client().Visitors.GetVisitorAsync("tok"));
    }

    [Fact]
    public async Task An_error_status_whose_body_is_cut_keeps_its_status()
    {
        _server.Reply(Faults.Raw("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 300\r\nConnection: close\r\n\r\n{\"success\":false,\"err"));

        var ex = await Assert.ThrowsAsync<RocketChatApiException>(() => Client().Visitors.GetVisitorAsync("tok"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
    }

    [Fact]
    public async Task An_error_status_that_stalls_mid_body_still_times_out()
    {
        _server.Reply(Faults.Raw("HTTP/1.1 500 Oops\r\nContent-Type: application/json\r\nContent-Length: 300\r\n\r\n{", thenStall: true));

        await Assert.ThrowsAsync<RocketChatConnectionException>(() => Client(TimeSpan.FromMilliseconds(500)).Visitors.GetVisitorAsync("tok"));
    }
}
