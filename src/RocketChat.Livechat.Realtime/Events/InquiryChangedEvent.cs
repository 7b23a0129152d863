namespace RocketChat.Livechat.Realtime;

/// <summary>
/// What happened to one watched inquiry (its own key on the queue's publication), whichever queue holds it. When
/// removed, <see cref="Inquiry"/> holds only its id, as the server sends it.
/// </summary>
public sealed record InquiryChangedEvent(InquiryChangeKind Change, Inquiry Inquiry);

/// <summary>The <c>clientAction</c> of an inquiry's own-key event.</summary>
public enum InquiryChangeKind
{
    /// <summary><c>inserted</c>: the inquiry was created (or queued again).</summary>
    Inserted,

    /// <summary><c>updated</c>: the inquiry changed (taken by an agent, say).</summary>
    Updated,

    /// <summary><c>removed</c>: the inquiry is gone (its room closed).</summary>
    Removed,
}
