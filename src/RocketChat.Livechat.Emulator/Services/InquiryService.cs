using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>The omnichannel queue: listing inquiries and taking them.</summary>
internal sealed class InquiryService(EmulatorState state, AgentRouter router)
{
    private static readonly KeyValuePair<string, string> s_takeInquiryMethod = ApiErrors.Detail("method", "livechat:takeInquiry");

    /// <summary>
    /// GET livechat/inquiries.list: queued inquiries, newest first unless sorted otherwise. <paramref name="department"/>
    /// (an id or a name) filters by department; an unknown one is ignored.
    /// </summary>
    public (IReadOnlyList<InquiryRecord> Page, int Total) ListQueued(Paging paging, string? department)
    {
        List<InquiryRecord> queued;
        lock (state.Gate)
        {
            string? departmentId = department is null ? null : state.FindDepartmentByIdOrName(department)?.Id;
            queued = QueuedInquiries().Where(inquiry => departmentId is null || inquiry.Department == departmentId).ToList();
        }

        IReadOnlyList<InquiryRecord> sorted = DocumentSort.Apply(queued, paging.Sort ?? [new SortField("ts", -1)], SortKey);
        return (paging.Apply(sorted), queued.Count);
    }

    /// <summary>
    /// GET livechat/inquiries.queuedForUser: queued inquiries reserved for the caller, or without a default agent and
    /// either in one of the caller's enabled departments or in the public queue (no department). A
    /// <paramref name="department"/> that is not one of the caller's is 'error-not-authorized'. The caller's sort is
    /// merged with the queue order (timestamp), which wins on a shared key.
    /// </summary>
    public (IReadOnlyList<InquiryRecord> Page, int Total) ListQueuedFor(UserRecord agent, Paging paging, string? department)
    {
        List<InquiryRecord> visible;
        lock (state.Gate)
        {
            HashSet<string> departments = [.. state.DepartmentsOfAgent(agent.Id, enabledOnly: true)];
            if (department is not null && !departments.Contains(department))
            {
                throw ApiErrors.Plain("error-not-authorized");
            }

            visible = QueuedInquiries()
                .Where(inquiry => inquiry.DefaultAgent?.AgentId == agent.Id
                    || (inquiry.DefaultAgent is null && (inquiry.Department is null || departments.Contains(inquiry.Department))))
                .Where(inquiry => department is null || inquiry.Department == department)
                .ToList();
        }

        // { ...sort, ...queueSort }: a caller's "ts" keeps its place but takes the queue's direction.
        List<SortField> sort = (paging.Sort ?? []).Select(field => field.Field == "ts" ? field with { Direction = 1 } : field).ToList();
        if (!sort.Any(field => field.Field == "ts"))
        {
            sort.Add(new SortField("ts", 1));
        }

        IReadOnlyList<InquiryRecord> sorted = DocumentSort.Apply(visible, sort, SortKey);
        return (paging.Apply(sorted), visible.Count);
    }

    /// <summary>GET livechat/inquiries.getOne: the room's inquiry, or null for an unknown room.</summary>
    public InquiryRecord? FindByRoom(string roomId)
    {
        lock (state.Gate)
        {
            return state.FindInquiryByRoom(roomId);
        }
    }

    /// <summary>POST livechat/inquiries.take: atomically assigns a queued inquiry to an available agent.</summary>
    public void Take(UserRecord caller, string inquiryId, string? userId)
    {
        lock (state.Gate)
        {
            if (!string.IsNullOrEmpty(userId) && !state.Users.ContainsKey(userId))
            {
                throw ApiErrors.Plain("The user is invalid");
            }

            InquiryRecord inquiry = state.Inquiries.GetValueOrDefault(inquiryId)
                ?? throw ApiErrors.Meteor("error-not-found", "Inquiry not found", s_takeInquiryMethod);
            if (inquiry.Status == InquiryStatus.Taken)
            {
                throw ApiErrors.Meteor("error-inquiry-taken", "Inquiry already taken", s_takeInquiryMethod);
            }

            UserRecord agent = router.FindAgentToServe(string.IsNullOrEmpty(userId) ? caller.Id : userId)
                ?? throw ApiErrors.Meteor("error-agent-status-service-offline", "Agent status is offline or Omnichannel service is not active", s_takeInquiryMethod);
            router.Assign(inquiry.RoomId, agent, state.Now);
            state.Webhooks.SessionTaken(state.Rooms[inquiry.RoomId]);
        }
    }

    /// <summary>The queued inquiries; call while holding the gate.</summary>
    private IEnumerable<InquiryRecord> QueuedInquiries() =>
        state.Inquiries.Queued;

    private static IComparable? SortKey(InquiryRecord inquiry, string field) => field switch
    {
        "ts" => inquiry.CreatedAt,
        "_updatedAt" => inquiry.UpdatedAt,
        "queuedAt" => inquiry.QueuedAt,
        "name" => inquiry.Name,
        "_id" => inquiry.Id,
        "priorityWeight" => RoomRecord.UnspecifiedPriorityWeight,
        "estimatedWaitingTimeQueue" => RoomRecord.UnknownWaitingTime,
        _ => null,
    };
}
