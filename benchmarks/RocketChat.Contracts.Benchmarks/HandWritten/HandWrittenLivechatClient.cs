using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace RocketChat.Contracts.Benchmarks.HandWritten;

/// <summary>
/// The floor: what a careful developer writes by hand for the four routes with HttpClient and System.Text.Json
/// source generation. Same wire as the generated client: Accept: application/json, X-User-Id/X-Auth-Token only on
/// the staff route, JSON bodies without nulls, percent-encoded path segments and query values.
/// </summary>
public sealed class HandWrittenLivechatClient
{
    private readonly HttpClient _http;
    private readonly string _server;
    private readonly string _userId;
    private readonly string _authToken;

    public HandWrittenLivechatClient(HttpClient http, Uri server, string userId, string authToken)
    {
        _http = http;
        _server = server.AbsoluteUri.EndsWith('/') ? server.AbsoluteUri : server.AbsoluteUri + "/";
        _userId = userId;
        _authToken = authToken;
    }

    private static HandWrittenJsonContext Json => HandWrittenJsonContext.Default;

    public async Task<RegisterVisitorResponseDto> RegisterVisitorAsync(RegisterVisitorRequestDto request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _server + "api/v1/livechat/visitor");
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        message.Content = JsonContent.Create(request, Json.RegisterVisitorRequestDto);
        return await SendAsync(message, Json.RegisterVisitorResponseDto, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SendMessageResponseDto> SendMessageAsync(SendMessageRequestDto request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _server + "api/v1/livechat/message");
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        message.Content = JsonContent.Create(request, Json.SendMessageRequestDto);
        return await SendAsync(message, Json.SendMessageResponseDto, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MessageHistoryResponseDto> GetMessageHistoryAsync(string roomId, string token, int? limit = null, CancellationToken cancellationToken = default)
    {
        string uri = limit is { } l
            ? string.Create(CultureInfo.InvariantCulture, $"{_server}api/v1/livechat/messages.history/{Uri.EscapeDataString(roomId)}?token={Uri.EscapeDataString(token)}&limit={l}")
            : $"{_server}api/v1/livechat/messages.history/{Uri.EscapeDataString(roomId)}?token={Uri.EscapeDataString(token)}";
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        return await SendAsync(message, Json.MessageHistoryResponseDto, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ListRoomsResponseDto> ListRoomsAsync(string? departmentId, bool? open, int offset, int count, Dictionary<string, int>? sort, CancellationToken cancellationToken = default)
    {
        var uri = new DefaultInterpolatedStringHandler(64, 4, CultureInfo.InvariantCulture);
        uri.AppendFormatted(_server);
        uri.AppendLiteral("api/v1/livechat/rooms?");
        if (departmentId is not null)
        {
            uri.AppendLiteral("departmentId=");
            uri.AppendFormatted(Uri.EscapeDataString(departmentId));
            uri.AppendLiteral("&");
        }

        if (open is { } isOpen)
        {
            uri.AppendLiteral(isOpen ? "open=true&" : "open=false&");
        }

        uri.AppendLiteral("offset=");
        uri.AppendFormatted(offset);
        uri.AppendLiteral("&count=");
        uri.AppendFormatted(count);
        if (sort is not null)
        {
            uri.AppendLiteral("&sort=");
            uri.AppendFormatted(Uri.EscapeDataString(JsonSerializer.Serialize(sort, Json.DictionaryStringInt32)));
        }

        using var message = new HttpRequestMessage(HttpMethod.Get, uri.ToStringAndClear());
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        message.Headers.TryAddWithoutValidation("X-User-Id", _userId);
        message.Headers.TryAddWithoutValidation("X-Auth-Token", _authToken);
        return await SendAsync(message, Json.ListRoomsResponseDto, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The body is JSON null.");
    }
}
