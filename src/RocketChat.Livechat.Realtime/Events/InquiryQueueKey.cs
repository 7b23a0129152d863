namespace RocketChat.Livechat.Realtime;

/// <summary>Which part of the queue to watch: the eventName on <c>stream-livechat-inquiry-queue-observer</c>.</summary>
public sealed record InquiryQueueKey
{
    private InquiryQueueKey(string eventName) => EventName = eventName;

    /// <summary>The eventName sent in the subscription.</summary>
    public string EventName { get; }

    /// <summary>Inquiries without a department or a default agent.</summary>
    public static InquiryQueueKey Public { get; } = new(LivechatRealtimeStreams.InquiryQueue.PublicEventName());

    /// <summary>Inquiries of one department.</summary>
    public static InquiryQueueKey Department(string departmentId)
    {
        return new(LivechatRealtimeStreams.InquiryQueue.DepartmentEventName(departmentId)) { DepartmentId = departmentId };
    }

    /// <summary>Inquiries whose default agent is <paramref name="agentId"/>.</summary>
    public static InquiryQueueKey Agent(string agentId)
    {
        return new(LivechatRealtimeStreams.InquiryQueue.AgentEventName(agentId));
    }

    /// <summary>The department whose queue this is, for <see cref="Department"/>; what a REST listing is narrowed to.</summary>
    internal string? DepartmentId { get; private init; }

    /// <summary>
    /// Whether the server publishes <paramref name="inquiry"/> under this key: its department's key when it has one,
    /// else its default agent's, else <c>public</c> (the emulator's publisher follows the same rule).
    /// </summary>
    internal bool Covers(Inquiry inquiry)
    {
        string keyOfInquiry = inquiry.Department is { } department ? LivechatRealtimeStreams.InquiryQueue.DepartmentEventName(department)
            : inquiry.DefaultAgent?.AgentId is { } agentId ? LivechatRealtimeStreams.InquiryQueue.AgentEventName(agentId)
            : LivechatRealtimeStreams.InquiryQueue.PublicEventName();
        return keyOfInquiry == EventName;
    }

    /// <inheritdoc />
    public override string ToString() => EventName;
}
