using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Services;
using RocketChat.Livechat.Emulator.Validation;
using static RocketChat.Livechat.Emulator.Validation.MatchPattern;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>
/// The widget's visitor routes around the chat itself: GET livechat/config, POST livechat/visitor.status,
/// page.visited, custom.field and custom.fields.
/// </summary>
internal sealed class WidgetEndpoints(WidgetConfigService config, VisitorStatusService status, NavigationService navigation, CustomFieldService customFields)
{
    /// <summary>The route's <c>check(this.bodyParams, {token: String, status: String})</c>.</summary>
    private static readonly MatchPattern s_statusPattern = Object(Key("token", StringType), Key("status", StringType));

    /// <summary>The room as findOpenRoom projects it for the config.</summary>
    private static readonly FieldProjection s_configRoom = FieldProjection.From(new Dictionary<string, int>
    {
        ["departmentId"] = 1,
        ["servedBy"] = 1,
        ["open"] = 1,
    });

    public async Task GetConfigAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        WidgetConfig widget = config.Read(call.QueryString("token"), call.QueryString("department"));
        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WriteStartObject("config");
            writer.WriteBoolean("enabled", widget.Enabled);
            if (widget.Enabled)
            {
                WriteWidget(writer, widget);
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public async Task SetVisitorStatusAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        MeteorCheck.Check(call.Body, s_statusPattern);
        SetVisitorStatusRequest request = call.BodyAs(LivechatJsonContext.Default.SetVisitorStatusRequest);
        status.SetStatus(request.Token, request.Status);
        var response = new SetVisitorStatusResponse { Token = request.Token, Status = request.Status, Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.SetVisitorStatusResponse).ConfigureAwait(false);
    }

    public async Task SendNavigationAsync(HttpContext context)
    {
        VisitorNavigationRequest request = context.Api().BodyAs(LivechatJsonContext.Default.VisitorNavigationRequest);
        VisitorPageInfo page = request.PageInfo;
        MessageRecord? entry = navigation.Record(request.Token, request.RoomId, page.Title, page.Change, page.Location.Href);
        var response = new VisitorNavigationResponse
        {
            Page = entry is null ? null : new VisitorNavigationEntry
            {
                Text = entry.Text,
                Navigation = new VisitorNavigation { Page = page, Token = request.Token },
            },
            Success = true,
        };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.VisitorNavigationResponse).ConfigureAwait(false);
    }

    public async Task SetCustomFieldAsync(HttpContext context)
    {
        SetCustomFieldRequest request = context.Api().BodyAs(LivechatJsonContext.Default.SetCustomFieldRequest);
        var field = new CustomFieldInput { Key = request.Key, Value = request.Value, Overwrite = request.Overwrite };
        customFields.SetOne(request.Token, field);
        await JsonResponses.ModelAsync(context, new SetCustomFieldResponse { Field = field, Success = true }, LivechatJsonContext.Default.SetCustomFieldResponse).ConfigureAwait(false);
    }

    public async Task SetCustomFieldsAsync(HttpContext context)
    {
        SetCustomFieldsRequest request = context.Api().BodyAs(LivechatJsonContext.Default.SetCustomFieldsRequest);
        IReadOnlyList<CustomFieldInput> saved = customFields.SetMany(request.Token, request.CustomFields);
        var response = new SetCustomFieldsResponse
        {
            Fields = [.. saved.Select(field => new SavedCustomField { Key = field.Key, Value = field.Value, Overwrite = field.Overwrite })],
            Success = true,
        };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.SetCustomFieldsResponse).ConfigureAwait(false);
    }

    /// <summary>settings() in its order, then online, then the visitor's guest, room and agent when there are.</summary>
    private static void WriteWidget(Utf8JsonWriter writer, WidgetConfig widget)
    {
        writer.WritePropertyName("settings");
        JsonSerializer.Serialize(writer, widget.Settings!, LivechatJsonContext.Default.LivechatWidgetSettings);
        writer.WritePropertyName("theme");
        JsonSerializer.Serialize(writer, widget.Theme!, LivechatJsonContext.Default.LivechatWidgetTheme);
        writer.WritePropertyName("messages");
        JsonSerializer.Serialize(writer, widget.Messages!, LivechatJsonContext.Default.LivechatWidgetMessages);
        writer.WritePropertyName("survey");
        JsonSerializer.Serialize(
            writer,
            new LivechatSurveyOptions { Items = WidgetConfigService.SurveyItems, Values = WidgetConfigService.SurveyValues },
            LivechatJsonContext.Default.LivechatSurveyOptions);
        // The emulator has no triggers and no custom emojis.
        writer.WriteEmptyArray("triggers");
        writer.WriteStartArray("departments");
        foreach (LivechatConfigDepartment department in widget.Departments)
        {
            JsonSerializer.Serialize(writer, department, LivechatJsonContext.Default.LivechatConfigDepartment);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("resources");
        writer.WriteString("sound", "/sounds/chime.mp3");
        writer.WriteEmptyArray("emojis");
        writer.WriteEndObject();
        writer.WriteBoolean("online", widget.Online);
        if (widget.Guest is { } guest)
        {
            writer.WritePropertyName("guest");
            VisitorJson.Write(writer, guest);
        }

        if (widget.Room is { } room)
        {
            writer.WritePropertyName("room");
            RoomJson.Write(writer, room, s_configRoom);
        }

        if (widget.Agent is { } agent)
        {
            writer.WritePropertyName("agent");
            if (widget.AgentHidden)
            {
                // normalizeAgent: with Livechat_show_agent_info off only this marker is sent.
                writer.WriteStartObject();
                writer.WriteBoolean("hiddenInfo", true);
                writer.WriteEndObject();
            }
            else
            {
                AgentInfoJson.Write(writer, agent);
            }
        }
    }
}
