namespace RocketChat.Livechat.Realtime;

/// <summary>What a room message means to a livechat client, read from its type (<c>t</c>) and, for commands, its text.</summary>
public enum RoomMessageKind
{
    /// <summary>A message written by the visitor or an agent (no <c>t</c>).</summary>
    Chat,

    /// <summary><c>livechat-started</c>: the conversation began.</summary>
    ChatStarted,

    /// <summary><c>livechat-close</c>: the room was closed; the text is the closing comment.</summary>
    RoomClosed,

    /// <summary><c>command</c> <c>connected</c>: an agent took the chat.</summary>
    AgentConnected,

    /// <summary><c>uj</c>: a user (the agent) joined the room.</summary>
    UserJoined,

    /// <summary><c>ul</c>: a user (the agent) left the room.</summary>
    UserLeft,

    /// <summary><c>command</c> <c>promptTranscript</c>: offer the visitor a transcript.</summary>
    TranscriptPrompt,

    /// <summary>Any other system message (<c>t</c> set), e.g. a transfer record.</summary>
    OtherSystemMessage,
}
