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
        return new(LivechatRealtimeStreams.InquiryQueue.DepartmentEventName(departmentId));
    }

    /// <summary>Inquiries whose default agent is <paramref name="agentId"/>.</summary>
    public static InquiryQueueKey Agent(string agentId)
    {
        return new(LivechatRealtimeStreams.InquiryQueue.AgentEventName(agentId));
    }

    /// <inheritdoc />
    public override string ToString() => EventName;
}
