namespace RocketChat.Livechat.Emulator.Domain;

/// <summary>A message in a livechat room: a visitor message, or a system message when <see cref="Type"/> is set.</summary>
internal sealed record MessageRecord
{
    public required string Id { get; init; }

    public required string RoomId { get; init; }

    public required string Text { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required MessageSender Sender { get; init; }

    /// <summary>The system message type (<c>livechat-started</c>, <c>command</c>, <c>uj</c>, <c>livechat-close</c>, ...); null for chat messages.</summary>
    public string? Type { get; init; }

    public string? Alias { get; init; }

    /// <summary>The visitor token, on messages a visitor sent.</summary>
    public string? Token { get; init; }

    /// <summary>The last change (<c>_updatedAt</c>); null until the message is edited, when it equals <see cref="Timestamp"/>.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When the visitor last edited the message (<c>editedAt</c>).</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>Who edited the message (<c>editedBy</c>).</summary>
    public MessageSender? EditedBy { get; init; }
    /// <summary>The file of a file message (POST livechat/upload/:rid).</summary>
    public FileRecord? File { get; init; }

    /// <summary>Extra data of a transfer system message.</summary>
    public TransferRecord? Transfer { get; init; }

    /// <summary>The page of a <c>livechat_navigation_history</c> system message.</summary>
    public NavigationRecord? Navigation { get; init; }

    /// <summary>The visitor who asked for a <c>livechat_transcript_history</c> system message's transcript.</summary>
    public VisitorSummary? TranscriptRequestedBy { get; init; }

    public bool IsSystemMessage => Type is not null;
}

/// <summary>The author of a message (<c>u</c>).</summary>
internal sealed record MessageSender(string Id, string Username, string? Name);

/// <summary>What a <c>livechat_navigation_history</c> system message records: the page and the visitor's token.</summary>
internal sealed record NavigationRecord(string Title, string Change, string Href, string Token);

/// <summary>What a <c>livechat_transfer_history</c> system message records.</summary>
internal sealed record TransferRecord(MessageSender TransferredBy, string TransferredByType, string Scope, string? Comment, MessageSender? TransferredTo, DateTimeOffset Timestamp);
