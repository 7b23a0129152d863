namespace RocketChat.Livechat.Emulator;

/// <summary>
/// A livechat custom field (Rocket.Chat's <c>LivechatCustomField</c>): its id is the key visitors send to
/// <c>livechat/custom.field(s)</c> and <c>livechat/visitor</c>. Values of a visitor-scope field are kept on the
/// visitor, those of a room-scope field on the visitor's open room. A non-empty <paramref name="Regexp"/> is a
/// .NET regular expression every value must match.
/// </summary>
public sealed record EmulatorCustomField(string Id, CustomFieldScope Scope, string? Regexp = null);

/// <summary>Where a custom field's values are stored.</summary>
public enum CustomFieldScope
{
    /// <summary>On the visitor (<c>livechatData</c> of the visitor).</summary>
    Visitor,

    /// <summary>On the visitor's open room (<c>livechatData</c> of the room).</summary>
    Room,
}
