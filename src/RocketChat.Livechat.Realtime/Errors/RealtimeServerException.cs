using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// The server refused a method call (<c>result.error</c>) or a subscription (<c>nosub.error</c>) with a Meteor.Error.
/// <see cref="Error"/> is the server's code as sent: a string such as <c>not-allowed</c> or a number such as <c>404</c>.
/// </summary>
public class RealtimeServerException : RealtimeException
{
    /// <summary>Creates the exception.</summary>
    public RealtimeServerException(string operation, string error, string? reason, JsonElement? details)
        : base(operation, $"Rocket.Chat {operation}: the server answered '{error}'{(string.IsNullOrEmpty(reason) ? "" : $": {reason}")}.")
    {
        Error = error;
        Reason = reason;
        Details = details;
    }

    /// <summary>The Meteor.Error code (<c>error</c>), numbers written as digits.</summary>
    public string Error { get; }

    /// <summary>The human-readable <c>reason</c>, if any.</summary>
    public string? Reason { get; }

    /// <summary>The <c>details</c> object, if any.</summary>
    public JsonElement? Details { get; }

    /// <summary>Whether the server refused for lack of permission (<c>not-allowed</c>).</summary>
    public bool IsNotAllowed => Error == "not-allowed";
}
