using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>An inquiry as Rocket.Chat's <c>ILivechatInquiryRecord</c>, in the contract's <see cref="Inquiry"/>.</summary>
internal static class InquiryModels
{
    /// <summary>The full document, as inquiries.getOne and inquiries.queuedForUser return it.</summary>
    public static Inquiry ToModel(InquiryRecord inquiry) => new()
    {
        Id = inquiry.Id,
        RoomId = inquiry.RoomId,
        Name = inquiry.Name,
        Timestamp = inquiry.CreatedAt,
        Message = inquiry.Message,
        Status = inquiry.Status,
        Visitor = VisitorModels.InquirySummary(inquiry.Visitor),
        Type = "l",
        Department = inquiry.Department,
        Source = new RoomSource { Type = inquiry.Source },
        PriorityWeight = RoomRecord.UnspecifiedPriorityWeight,
        EstimatedWaitingTimeQueue = RoomRecord.UnknownWaitingTime,
        QueuedAt = inquiry.QueuedAt,
        TakenAt = inquiry.TakenAt,
        DefaultAgent = inquiry.DefaultAgent is { } agent ? new InquiryDefaultAgent { AgentId = agent.AgentId, Username = agent.Username } : null,
        LastMessage = inquiry.LastMessage is { } lastMessage ? MessageModels.ToModel(lastMessage) : null,
        UpdatedAt = inquiry.UpdatedAt,
    };

    /// <summary>The projection inquiries.list uses: <c>_id, rid, name, ts, status, department</c>.</summary>
    public static Inquiry ToListItem(InquiryRecord inquiry) => new()
    {
        Id = inquiry.Id,
        RoomId = inquiry.RoomId,
        Name = inquiry.Name,
        Timestamp = inquiry.CreatedAt,
        Status = inquiry.Status,
        Department = inquiry.Department,
    };
}
