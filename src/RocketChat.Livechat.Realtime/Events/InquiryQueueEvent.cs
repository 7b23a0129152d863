namespace RocketChat.Livechat.Realtime;

/// <summary>An inquiry entered the queue, changed, or left it (taken or closed).</summary>
public sealed record InquiryQueueEvent(InquiryQueueChange Change, Inquiry Inquiry);

/// <summary>The <c>type</c> of an inquiry-queue event.</summary>
public enum InquiryQueueChange
{
    /// <summary><c>added</c>: a new chat waits in the queue.</summary>
    Added,

    /// <summary><c>changed</c>: a queued inquiry changed (its last message, say).</summary>
    Changed,

    /// <summary><c>removed</c>: the inquiry left the queue.</summary>
    Removed,
}
