using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RocketChat.Contracts.Benchmarks.HandWritten;
using RocketChat.Livechat;
using N = RocketChat.Livechat.NSwag;

namespace RocketChat.Contracts.Benchmarks;

/// <summary>
/// Keeps the comparison honest: before any measurement the three clients must send the same request (method, URI,
/// Accept, auth on the staff route, JSON body) and read the same data out of the same body. Each response is
/// reduced to a fingerprint over every field the canned bodies carry, including the free-form JSON (md, metrics,
/// livechatData), so a contender that skipped part of the body would not match.
/// </summary>
public static class Equivalence
{
    /// <summary>Runs every call through every client once; throws if they differ. Returns a printable report.</summary>
    public static string Verify(Contenders c)
    {
        var report = new StringBuilder();
        Check(report, c, "RegisterVisitor",
            async () => Fingerprint(await c.RegisterHand()),
            async () => Fingerprint(await c.RegisterGenerated()),
            async () => Fingerprint(await c.RegisterNSwag()),
            requiresAuth: false);
        Check(report, c, "SendMessage",
            async () => Fingerprint((await c.SendHand()).Message),
            async () => Fingerprint((await c.SendGenerated()).Message),
            async () => Fingerprint((await c.SendNSwag()).Message),
            requiresAuth: false);
        Check(report, c, "MessageHistory100",
            async () => Fingerprint(await c.HistoryHand()),
            async () => Fingerprint(await c.HistoryGenerated()),
            async () => Fingerprint(await c.HistoryNSwag()),
            requiresAuth: false);
        Check(report, c, "RoomsPage50",
            async () => Fingerprint(await c.RoomsHand()),
            async () => Fingerprint(await c.RoomsGenerated()),
            async () => Fingerprint(await c.RoomsNSwag()),
            requiresAuth: true);
        return report.ToString();
    }

    private static void Check(StringBuilder report, Contenders c, string name,
        Func<Task<string>> hand, Func<Task<string>> generated, Func<Task<string>> nswag, bool requiresAuth)
    {
        var requests = new List<RecordedRequest>();
        c.Handler.Recording = requests;
        string[] prints;
        try
        {
            prints = [hand().GetAwaiter().GetResult(), generated().GetAwaiter().GetResult(), nswag().GetAwaiter().GetResult()];
        }
        finally
        {
            c.Handler.Recording = null;
        }

        string[] who = ["hand-written", "generated", "NSwag"];
        for (int i = 1; i < 3; i++)
        {
            Require(prints[i] == prints[0], $"{name}: {who[i]} read different data than hand-written.\n  hand-written: {prints[0]}\n  {who[i]}: {prints[i]}");
        }

        Require(requests.Count == 3, $"{name}: expected 3 requests, saw {requests.Count}");
        RecordedRequest baseline = requests[0];
        for (int i = 0; i < 3; i++)
        {
            RecordedRequest r = requests[i];
            Require(r.Method == baseline.Method, $"{name}: {who[i]} sent {r.Method}, hand-written {baseline.Method}");
            Require(r.Uri == baseline.Uri, $"{name}: {who[i]} sent {r.Uri}\n  hand-written sent {baseline.Uri}");
            Require(r.Headers.TryGetValue("Accept", out string? accept) && accept == "application/json", $"{name}: {who[i]} Accept is '{accept}'");
            if (requiresAuth)
            {
                Require(r.Headers.GetValueOrDefault("X-User-Id") == "u" && r.Headers.GetValueOrDefault("X-Auth-Token") == "t", $"{name}: {who[i]} lacks the auth headers");
            }
            else if (i < 2)
            {
                // NSwag sends its default headers everywhere; ours and hand-written leave them off public routes.
                Require(!r.Headers.ContainsKey("X-Auth-Token"), $"{name}: {who[i]} sent X-Auth-Token to a public route");
            }

            if (baseline.Body is not null)
            {
                Require(r.Body is not null && JsonNode.DeepEquals(JsonNode.Parse(baseline.Body), JsonNode.Parse(r.Body)),
                    $"{name}: {who[i]} body {r.Body}\n  hand-written body {baseline.Body}");
                Require(r.Headers.GetValueOrDefault("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) == true,
                    $"{name}: {who[i]} Content-Type is '{r.Headers.GetValueOrDefault("Content-Type")}'");
            }
            else
            {
                Require(r.Body is null or "", $"{name}: {who[i]} sent a body on {r.Method}");
            }
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"{name}: same request ({baseline.Method} {baseline.Uri}{(baseline.Body is null ? "" : " body " + baseline.Body)})");
        report.AppendLine(CultureInfo.InvariantCulture, $"  same data from all three: {prints[0][..Math.Min(prints[0].Length, 160)]}…");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark cross-check failed: " + message);
        }
    }

    // ---------------------------------------------------------------- fingerprints

    private static string Ms(DateTimeOffset? value) => value is { } v && v != default ? v.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : "-";

    private static string Json(object? value) => value switch
    {
        null => "-",
        JsonElement e => e.GetRawText(),
        _ => throw new InvalidOperationException("Expected a JsonElement, got " + value.GetType()),
    };

    private static string Join(params object?[] parts) => string.Join("|", parts.Select(p => p switch
    {
        null => "-",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => p.ToString(),
    }));

    private static string JsonList<T>(IEnumerable<T>? items) => items is null ? "-" : "[" + string.Join(",", items.Select(i => Json(i))) + "]";

    public static string Fingerprint(RegisterVisitorResponseDto r)
    {
        VisitorDto v = r.Visitor;
        return Join(v.Id, v.Token, v.Username, v.Name, Ms(v.Timestamp), Ms(v.UpdatedAt), v.Department, v.Status,
            string.Join(",", v.Phone?.Select(p => p.PhoneNumber) ?? []), string.Join(",", v.Emails?.Select(e => e.Address) ?? []),
            Json(v.LivechatData), v.LastChat?.Id, Ms(v.LastChat?.Timestamp), v.UserAgent, v.IpAddress, v.Host,
            string.Join(",", v.Activity ?? []), r.Success);
    }

    public static string Fingerprint(RegisterVisitorResponse r)
    {
        Visitor v = r.Visitor;
        return Join(v.Id, v.Token, v.Username, v.Name, Ms(v.Timestamp), Ms(v.UpdatedAt), v.Department, v.Status?.Value,
            string.Join(",", v.Phone?.Select(p => p.PhoneNumber) ?? []), string.Join(",", v.Emails?.Select(e => e.Address) ?? []),
            Json(v.LivechatData), v.LastChat?.Id, Ms(v.LastChat?.Timestamp), v.UserAgent, v.IpAddress, v.Host,
            string.Join(",", v.Activity ?? []), r.Success);
    }

    public static string Fingerprint(N.RegisterVisitorResponse r)
    {
        N.Visitor v = r.Visitor;
        return Join(v._id, v.Token, v.Username, v.Name, Ms(v.Ts), Ms(v._updatedAt), v.Department, v.Status.ToString().ToLowerInvariant(),
            string.Join(",", v.Phone?.Select(p => p.PhoneNumber) ?? []), string.Join(",", v.VisitorEmails?.Select(e => e.Address) ?? []),
            Json(v.LivechatData), v.LastChat?._id, Ms(v.LastChat?.Ts), v.UserAgent, v.Ip, v.Host,
            string.Join(",", v.Activity ?? []), r.Success);
    }

    public static string Fingerprint(MessageDto m) => Join(m.Id, m.RoomId, m.Text, m.Type, Ms(m.Timestamp), Ms(m.UpdatedAt),
        m.User?.Id, m.User?.Username, m.User?.Name, m.Alias, m.Token, m.IsGroupable == false ? "ng" : "-", Ms(m.EditedAt), m.EditedBy?.Username,
        JsonList(m.MarkdownTokens), JsonList(m.Urls), JsonList(m.Mentions), JsonList(m.Channels));

    public static string Fingerprint(Message m) => Join(m.Id, m.RoomId, m.Text, m.Type, Ms(m.Timestamp), Ms(m.UpdatedAt),
        m.User?.Id, m.User?.Username, m.User?.Name, m.Alias, m.Token, m.IsGroupable == false ? "ng" : "-", Ms(m.EditedAt), m.EditedBy?.Username,
        JsonList(m.MarkdownTokens), JsonList(m.Urls), JsonList(m.Mentions), JsonList(m.Channels));

    // NSwag makes optional booleans non-nullable, so a missing "groupable" reads as false: compare only where the body has it.
    public static string Fingerprint(N.Message m) => Join(m._id, m.Rid, m.Msg, m.T, Ms(m.Ts), Ms(m._updatedAt),
        m.U?._id, m.U?.Username, m.U?.Name, m.Alias, m.Token, m.T is not null && !m.Groupable ? "ng" : "-", Ms(m.EditedAt), m.EditedBy?.Username,
        JsonList(m.Md), JsonList(m.Urls), JsonList(m.Mentions), JsonList(m.Channels));

    public static string Fingerprint(MessageHistoryResponseDto r) => Join(r.Messages.Count, r.Success) + "#" + string.Join("#", r.Messages.Select(Fingerprint));

    public static string Fingerprint(GetMessageHistoryResponse r) => Join(r.Messages.Count, r.Success) + "#" + string.Join("#", r.Messages.Select(Fingerprint));

    public static string Fingerprint(N.GetMessageHistoryResponse r) => Join(r.Messages.Count, r.Success) + "#" + string.Join("#", r.Messages.Select(Fingerprint));

    public static string Fingerprint(ListRoomsResponseDto r) => Join(r.Rooms.Count, r.Count, r.Offset, r.Total, r.Success) + "#" + string.Join("#", r.Rooms.Select(x => Join(
        x.Id, x.Type, x.DisplayName, x.MessageCount, x.UsersCount, Ms(x.Timestamp), Ms(x.UpdatedAt), Ms(x.LastMessageAt), x.IsOpen == true, x.CanLeave == true, x.WaitingResponse == true,
        x.Visitor?.Id, x.Visitor?.Username, x.Visitor?.Token, x.Visitor?.Status, x.Visitor?.Name, Ms(x.Visitor?.LastMessageAt),
        x.ServedBy?.Id, x.ServedBy?.Username, Ms(x.ServedBy?.Timestamp), x.DepartmentId, x.Department?.Id, x.Department?.Name,
        x.Source?.Type, x.Source?.Destination, string.Join(",", x.Tags ?? []), Json(x.LivechatData),
        x.LastMessage is null ? "-" : Fingerprint(x.LastMessage),
        x.ResponseBy?.Id, x.ResponseBy?.Username, Ms(x.ResponseBy?.LastMessageAt), Ms(x.ResponseBy?.FirstResponseAt),
        x.PriorityWeight, x.EstimatedWaitingTimeQueue, Ms(x.ClosedAt), x.Closer, x.ClosedBy?.Id, x.ClosedBy?.Username, Json(x.Metrics))));

    public static string Fingerprint(ListRoomsResponse r) => Join(r.Rooms.Count, r.Count, r.Offset, r.Total, r.Success) + "#" + string.Join("#", r.Rooms.Select(x => Join(
        x.Id, x.Type, x.DisplayName, x.MessageCount, x.UsersCount, Ms(x.Timestamp), Ms(x.UpdatedAt), Ms(x.LastMessageAt), x.IsOpen == true, x.CanLeave == true, x.WaitingResponse == true,
        x.Visitor?.Id, x.Visitor?.Username, x.Visitor?.Token, x.Visitor?.Status?.Value, x.Visitor?.Name, Ms(x.Visitor?.LastMessageAt),
        x.ServedBy?.Id, x.ServedBy?.Username, Ms(x.ServedBy?.Timestamp), x.DepartmentId, x.Department?.Id, x.Department?.Name,
        x.Source?.Type?.Value, x.Source?.Destination, string.Join(",", x.Tags ?? []), Json(x.LivechatData),
        x.LastMessage is null ? "-" : Fingerprint(x.LastMessage),
        x.ResponseBy?.Id, x.ResponseBy?.Username, Ms(x.ResponseBy?.LastMessageAt), Ms(x.ResponseBy?.FirstResponseAt),
        x.PriorityWeight, x.EstimatedWaitingTimeQueue, Ms(x.ClosedAt), x.Closer?.Value, x.ClosedBy?.Id, x.ClosedBy?.Username, Json(x.Metrics))));

    public static string Fingerprint(N.ListRoomsResponse r) => Join(r.Rooms.Count, r.Count, r.Offset, r.Total, r.Success) + "#" + string.Join("#", r.Rooms.Select(x => Join(
        x._id, x.T, x.Fname, x.Msgs, x.UsersCount, Ms(x.Ts), Ms(x._updatedAt), Ms(x.Lm), x.Open, x.Cl, x.WaitingResponse,
        x.V?._id, x.V?.Username, x.V?.Token, x.V?.Status.ToString().ToLowerInvariant(), x.V?.Name, Ms(x.V?.LastMessageTs),
        x.ServedBy?._id, x.ServedBy?.Username, Ms(x.ServedBy?.Ts), x.DepartmentId, x.Department?._id, x.Department?.Name,
        x.Source?.Type.ToString().ToLowerInvariant(), x.Source?.Destination, string.Join(",", x.Tags ?? []), Json(x.LivechatData),
        x.LastMessage is null ? "-" : Fingerprint(x.LastMessage),
        x.ResponseBy?._id, x.ResponseBy?.Username, Ms(x.ResponseBy?.LastMessageTs), Ms(x.ResponseBy?.FirstResponseTs),
        x.PriorityWeight, x.EstimatedWaitingTimeQueue, Ms(x.ClosedAt), x.ClosedAt == default ? null : x.Closer.ToString().ToLowerInvariant(), x.ClosedBy?._id, x.ClosedBy?.Username, Json(x.Metrics))));
}
