using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>A visitor as Rocket.Chat's <c>ILivechatVisitor</c> (<see cref="Visitor"/>), and the summaries rooms and inquiries embed.</summary>
internal static class VisitorModels
{
    public static Visitor ToModel(VisitorRecord visitor) => new()
    {
        Id = visitor.Id,
        Token = visitor.Token,
        Username = visitor.Username,
        Name = visitor.Name,
        Timestamp = visitor.CreatedAt,
        UpdatedAt = visitor.UpdatedAt,
        Department = visitor.Department,
        Status = visitor.Status,
        Phone = visitor.Phones.IsEmpty ? null : [.. visitor.Phones.Select(phone => new VisitorPhone { PhoneNumber = phone })],
        Emails = visitor.Emails.IsEmpty ? null : [.. visitor.Emails.Select(email => new VisitorEmail { Address = email })],
        LastChat = visitor.LastChat is { } lastChat ? new VisitorLastChat { Id = lastChat.RoomId, Timestamp = lastChat.Timestamp } : null,
        LivechatData = visitor.LivechatData.IsEmpty ? null : StringMaps.ToElement(visitor.LivechatData),
        LastAgent = visitor.LastAgent is { } lastAgent
            ? new VisitorLastAgent { Username = lastAgent.Username, AgentId = lastAgent.AgentId, Timestamp = lastAgent.Timestamp }
            : null,
    };

    /// <summary>The <c>v</c> of a room (and of a transcript request).</summary>
    public static RoomVisitorInfo RoomSummary(VisitorSummary visitor, DateTimeOffset? lastMessageAt = null) => new()
    {
        Id = visitor.Id,
        Username = visitor.Username,
        Token = visitor.Token,
        Status = visitor.Status,
        Name = visitor.Name,
        Phone = visitor.Phone,
        LastMessageAt = lastMessageAt,
    };

    /// <summary>The <c>v</c> of an inquiry.</summary>
    public static InquiryVisitorInfo InquirySummary(VisitorSummary visitor) => new()
    {
        Id = visitor.Id,
        Username = visitor.Username,
        Token = visitor.Token,
        Status = visitor.Status,
        Name = visitor.Name,
        Phone = visitor.Phone,
    };
}
