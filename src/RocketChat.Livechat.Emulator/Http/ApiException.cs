namespace RocketChat.Livechat.Emulator.Http;

/// <summary>Ends a request with an error response; the gateway writes <see cref="Error"/>.</summary>
internal sealed class ApiException(ApiError error) : Exception(error.Error ?? $"HTTP {error.StatusCode}")
{
    public ApiError Error { get; } = error;
}
