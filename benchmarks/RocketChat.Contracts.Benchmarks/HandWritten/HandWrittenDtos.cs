using System.Text.Json;
using System.Text.Json.Serialization;

namespace RocketChat.Contracts.Benchmarks.HandWritten;

// Minimal DTOs for the floor: only the four routes, every field the canned bodies carry (free-form objects as
// JsonElement, as our generated models keep them), and System.Text.Json source generation for the metadata.
// Mutable classes with setters on purpose: `required`/`init` members would put STJ on its parameterized-constructor
// path (arguments boxed into an object[] per object), which is slower and so not the floor.

public sealed class RegisterVisitorRequestDto
{
    [JsonPropertyName("visitor")]
    public VisitorInputDto Visitor { get; set; } = null!;
}

public sealed class VisitorInputDto
{
    [JsonPropertyName("token")]
    public string Token { get; set; } = null!;

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("department")]
    public string? Department { get; set; }

    [JsonPropertyName("phone")]
    public string? Phone { get; set; }

    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("customFields")]
    public List<CustomFieldInputDto>? CustomFields { get; set; }
}

public sealed class CustomFieldInputDto
{
    [JsonPropertyName("key")]
    public string Key { get; set; } = null!;

    [JsonPropertyName("value")]
    public string Value { get; set; } = null!;

    [JsonPropertyName("overwrite")]
    public bool Overwrite { get; set; }
}

public sealed class RegisterVisitorResponseDto
{
    [JsonPropertyName("visitor")]
    public VisitorDto Visitor { get; set; } = null!;

    [JsonPropertyName("success")]
    public bool? Success { get; set; }
}

public sealed class VisitorDto
{
    [JsonPropertyName("_id")]
    public string Id { get; set; } = null!;

    [JsonPropertyName("token")]
    public string Token { get; set; } = null!;

    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("ts")]
    public DateTimeOffset? Timestamp { get; set; }

    [JsonPropertyName("_updatedAt")]
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonPropertyName("department")]
    public string? Department { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("phone")]
    public List<VisitorPhoneDto>? Phone { get; set; }

    [JsonPropertyName("visitorEmails")]
    public List<VisitorEmailDto>? Emails { get; set; }

    [JsonPropertyName("livechatData")]
    public JsonElement? LivechatData { get; set; }

    [JsonPropertyName("lastChat")]
    public VisitorLastChatDto? LastChat { get; set; }

    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; set; }

    [JsonPropertyName("ip")]
    public string? IpAddress { get; set; }

    [JsonPropertyName("host")]
    public string? Host { get; set; }

    [JsonPropertyName("activity")]
    public List<string>? Activity { get; set; }
}

public sealed class VisitorPhoneDto
{
    [JsonPropertyName("phoneNumber")]
    public string PhoneNumber { get; set; } = null!;
}

public sealed class VisitorEmailDto
{
    [JsonPropertyName("address")]
    public string Address { get; set; } = null!;
}

public sealed class VisitorLastChatDto
{
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    [JsonPropertyName("ts")]
    public DateTimeOffset? Timestamp { get; set; }
}

public sealed class SendMessageRequestDto
{
    [JsonPropertyName("token")]
    public string Token { get; set; } = null!;

    [JsonPropertyName("rid")]
    public string RoomId { get; set; } = null!;

    [JsonPropertyName("msg")]
    public string Text { get; set; } = null!;

    [JsonPropertyName("_id")]
    public string? Id { get; set; }
}

public sealed class SendMessageResponseDto
{
    [JsonPropertyName("message")]
    public MessageDto Message { get; set; } = null!;

    [JsonPropertyName("success")]
    public bool? Success { get; set; }
}

public sealed class MessageHistoryResponseDto
{
    [JsonPropertyName("messages")]
    public List<MessageDto> Messages { get; set; } = null!;

    [JsonPropertyName("success")]
    public bool? Success { get; set; }
}

public sealed class MessageDto
{
    [JsonPropertyName("_id")]
    public string Id { get; set; } = null!;

    [JsonPropertyName("rid")]
    public string? RoomId { get; set; }

    [JsonPropertyName("msg")]
    public string? Text { get; set; }

    [JsonPropertyName("t")]
    public string? Type { get; set; }

    [JsonPropertyName("ts")]
    public DateTimeOffset? Timestamp { get; set; }

    [JsonPropertyName("_updatedAt")]
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonPropertyName("u")]
    public MessageUserDto? User { get; set; }

    [JsonPropertyName("alias")]
    public string? Alias { get; set; }

    [JsonPropertyName("token")]
    public string? Token { get; set; }

    [JsonPropertyName("groupable")]
    public bool? IsGroupable { get; set; }

    [JsonPropertyName("editedAt")]
    public DateTimeOffset? EditedAt { get; set; }

    [JsonPropertyName("editedBy")]
    public MessageUserDto? EditedBy { get; set; }

    [JsonPropertyName("md")]
    public List<JsonElement>? MarkdownTokens { get; set; }

    [JsonPropertyName("urls")]
    public List<JsonElement>? Urls { get; set; }

    [JsonPropertyName("mentions")]
    public List<JsonElement>? Mentions { get; set; }

    [JsonPropertyName("channels")]
    public List<JsonElement>? Channels { get; set; }
}

public sealed class MessageUserDto
{
    [JsonPropertyName("_id")]
    public string Id { get; set; } = null!;

    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

public sealed class ListRoomsResponseDto
{
    [JsonPropertyName("rooms")]
    public List<LivechatRoomDto> Rooms { get; set; } = null!;

    [JsonPropertyName("count")]
    public int? Count { get; set; }

    [JsonPropertyName("offset")]
    public int? Offset { get; set; }

    [JsonPropertyName("total")]
    public int? Total { get; set; }

    [JsonPropertyName("success")]
    public bool? Success { get; set; }
}

public sealed class LivechatRoomDto
{
    [JsonPropertyName("_id")]
    public string Id { get; set; } = null!;

    [JsonPropertyName("t")]
    public string? Type { get; set; }

    [JsonPropertyName("fname")]
    public string? DisplayName { get; set; }

    [JsonPropertyName("msgs")]
    public int? MessageCount { get; set; }

    [JsonPropertyName("usersCount")]
    public int? UsersCount { get; set; }

    [JsonPropertyName("ts")]
    public DateTimeOffset? Timestamp { get; set; }

    [JsonPropertyName("_updatedAt")]
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonPropertyName("lm")]
    public DateTimeOffset? LastMessageAt { get; set; }

    [JsonPropertyName("open")]
    public bool? IsOpen { get; set; }

    [JsonPropertyName("cl")]
    public bool? CanLeave { get; set; }

    [JsonPropertyName("waitingResponse")]
    public bool? WaitingResponse { get; set; }

    [JsonPropertyName("v")]
    public RoomVisitorInfoDto? Visitor { get; set; }

    [JsonPropertyName("servedBy")]
    public RoomServedByDto? ServedBy { get; set; }

    [JsonPropertyName("departmentId")]
    public string? DepartmentId { get; set; }

    [JsonPropertyName("department")]
    public RoomDepartmentDto? Department { get; set; }

    [JsonPropertyName("source")]
    public RoomSourceDto? Source { get; set; }

    [JsonPropertyName("tags")]
    public List<string>? Tags { get; set; }

    [JsonPropertyName("livechatData")]
    public JsonElement? LivechatData { get; set; }

    [JsonPropertyName("lastMessage")]
    public MessageDto? LastMessage { get; set; }

    [JsonPropertyName("responseBy")]
    public RoomResponseByDto? ResponseBy { get; set; }

    [JsonPropertyName("priorityWeight")]
    public int? PriorityWeight { get; set; }

    [JsonPropertyName("estimatedWaitingTimeQueue")]
    public double? EstimatedWaitingTimeQueue { get; set; }

    [JsonPropertyName("closedAt")]
    public DateTimeOffset? ClosedAt { get; set; }

    [JsonPropertyName("closer")]
    public string? Closer { get; set; }

    [JsonPropertyName("closedBy")]
    public RoomClosedByDto? ClosedBy { get; set; }

    [JsonPropertyName("metrics")]
    public JsonElement? Metrics { get; set; }
}

public sealed class RoomVisitorInfoDto
{
    [JsonPropertyName("_id")]
    public string Id { get; set; } = null!;

    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("token")]
    public string? Token { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("lastMessageTs")]
    public DateTimeOffset? LastMessageAt { get; set; }
}

public sealed class RoomServedByDto
{
    [JsonPropertyName("_id")]
    public string Id { get; set; } = null!;

    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("ts")]
    public DateTimeOffset? Timestamp { get; set; }
}

public sealed class RoomDepartmentDto
{
    [JsonPropertyName("_id")]
    public string Id { get; set; } = null!;

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

public sealed class RoomSourceDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("destination")]
    public string? Destination { get; set; }
}

public sealed class RoomResponseByDto
{
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("lastMessageTs")]
    public DateTimeOffset? LastMessageAt { get; set; }

    [JsonPropertyName("firstResponseTs")]
    public DateTimeOffset? FirstResponseAt { get; set; }
}

public sealed class RoomClosedByDto
{
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    [JsonPropertyName("username")]
    public string? Username { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisterVisitorRequestDto))]
[JsonSerializable(typeof(RegisterVisitorResponseDto))]
[JsonSerializable(typeof(SendMessageRequestDto))]
[JsonSerializable(typeof(SendMessageResponseDto))]
[JsonSerializable(typeof(MessageHistoryResponseDto))]
[JsonSerializable(typeof(ListRoomsResponseDto))]
[JsonSerializable(typeof(Dictionary<string, int>))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext;
