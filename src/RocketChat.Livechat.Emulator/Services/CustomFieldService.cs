using System.Text.RegularExpressions;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>
/// POST livechat/custom.field and custom.fields: values of the configured custom fields, kept on the visitor
/// (visitor scope) or on its open room (room scope). <c>overwrite: false</c> keeps a value already there.
/// </summary>
internal sealed class CustomFieldService(EmulatorState state)
{
    /// <summary>setCustomFields: one field; the field must exist and its regular expression must match.</summary>
    public void SetOne(string token, CustomFieldInput field)
    {
        lock (state.Gate)
        {
            VisitorRecord visitor = state.FindVisitorByToken(token) ?? throw ApiErrors.Plain("invalid-token");
            EmulatorCustomField definition = Definition(field.Key) ?? throw ApiErrors.Plain("invalid-custom-field");
            CheckValue(definition, field.Value);
            Store(visitor, definition, field);
        }
    }

    /// <summary>
    /// setMultipleCustomFields: every key must be a field and pass its check before anything is stored; the answer
    /// lists the room-scope fields, then the visitor-scope ones.
    /// </summary>
    public IReadOnlyList<CustomFieldInput> SetMany(string token, IReadOnlyList<CustomFieldInput> fields)
    {
        lock (state.Gate)
        {
            VisitorRecord visitor = state.FindVisitorByToken(token) ?? throw ApiErrors.Plain("invalid-token");
            var checkedFields = new List<(EmulatorCustomField Definition, CustomFieldInput Field)>();
            foreach (CustomFieldInput field in fields)
            {
                EmulatorCustomField definition = Definition(field.Key) ?? throw ApiErrors.Plain("invalid-custom-field");
                CheckValue(definition, field.Value);
                checkedFields.Add((definition, field));
            }

            if (checkedFields.Count == 0)
            {
                // No known field at all is the route's first refusal (an empty list included).
                throw ApiErrors.Plain("invalid-custom-field");
            }

            List<(EmulatorCustomField Definition, CustomFieldInput Field)> ordered =
                [.. checkedFields.Where(f => f.Definition.Scope == CustomFieldScope.Room), .. checkedFields.Where(f => f.Definition.Scope == CustomFieldScope.Visitor)];
            foreach ((EmulatorCustomField definition, CustomFieldInput field) in ordered)
            {
                Store(state.Visitors[visitor.Id], definition, field);
            }

            return [.. ordered.Select(f => f.Field)];
        }
    }

    private EmulatorCustomField? Definition(string key) =>
        state.Options.CustomFields.FirstOrDefault(field => string.Equals(field.Id, key, StringComparison.Ordinal));

    private static void CheckValue(EmulatorCustomField definition, string value)
    {
        if (!string.IsNullOrEmpty(definition.Regexp) && !Regex.IsMatch(value, definition.Regexp, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            // i18n 'error-invalid-custom-field-value' in English.
            throw ApiErrors.Plain($"Invalid value for {definition.Id} field");
        }
    }

    private void Store(VisitorRecord visitor, EmulatorCustomField definition, CustomFieldInput field)
    {
        DateTimeOffset now = state.Now;
        if (definition.Scope == CustomFieldScope.Visitor)
        {
            if (field.Overwrite || !visitor.LivechatData.ContainsKey(field.Key))
            {
                state.Visitors[visitor.Id] = visitor with { LivechatData = visitor.LivechatData.SetItem(field.Key, field.Value), UpdatedAt = now };
            }

            return;
        }

        if (state.FindOpenRoomOfVisitor(visitor.Token) is { } room && (field.Overwrite || !room.LivechatData.ContainsKey(field.Key)))
        {
            state.Rooms[room.Id] = room with { LivechatData = room.LivechatData.SetItem(field.Key, field.Value), UpdatedAt = now };
        }
    }
}
