namespace RocketChat.Livechat.Emulator;

/// <summary>
/// One POST the emulator made to Livechat_webhookUrl: which event, which attempt of its delivery, and what came back.
/// Retries of one delivery share <see cref="DeliveryId"/> and carry the identical body.
/// </summary>
/// <param name="DeliveryId">Identifies the delivery the attempt belongs to.</param>
/// <param name="Type">The payload's type, e.g. LivechatSessionStart.</param>
/// <param name="RoomId">The room the event is about; null for the test sample.</param>
/// <param name="Attempt">1 for the first POST.</param>
/// <param name="StatusCode">The receiver's status, or null when the request failed or timed out.</param>
/// <param name="Error">Why the request failed without a status, else null.</param>
/// <param name="WillRetry">Whether the emulator sends the body again later.</param>
/// <param name="At">When the attempt finished.</param>
public sealed record WebhookDeliveryAttempt(
    long DeliveryId, string Type, string? RoomId, int Attempt, int? StatusCode, string? Error, bool WillRetry, DateTimeOffset At);
