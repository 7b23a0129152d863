namespace RocketChat.Livechat.Emulator.Services;

/// <summary>One key of a MongoDB sort document: the field and 1 (ascending) or -1 (descending).</summary>
internal sealed record SortField(string Field, int Direction);
