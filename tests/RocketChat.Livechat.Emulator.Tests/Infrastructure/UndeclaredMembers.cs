using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RocketChat.Contracts.Testing;

/// <summary>
/// Finds what a generated model read but its contract does not declare: every non-empty <c>AdditionalProperties</c>
/// of a generated record, walked through members, lists and maps, with its JSON path. Linked into the test projects
/// that check the emulator's output against a contract.
/// </summary>
public static class UndeclaredMembers
{
    /// <summary>Fails, naming each path, when any of <paramref name="bodies"/> holds a member its contract lacks.</summary>
    public static void AssertNone(IEnumerable<(string Route, object Body)> bodies)
    {
        var undeclared = new List<string>();
        foreach ((string route, object body) in bodies)
        {
            Collect(body, route, undeclared);
        }

        Assert.True(undeclared.Count == 0, "Members the contract does not declare:\n" + string.Join("\n", undeclared));
    }

    private static void Collect(object? value, string path, List<string> undeclared)
    {
        switch (value)
        {
            case null or string or JsonElement:
                return;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    Collect(entry.Value, $"{path}.{entry.Key}", undeclared);
                }

                return;
            case IEnumerable items:
                int index = 0;
                foreach (object? item in items)
                {
                    Collect(item, $"{path}[{index++}]", undeclared);
                }

                return;
        }

        Type type = value.GetType();
        if (!type.IsClass || type.Namespace?.StartsWith("RocketChat.Livechat", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            object? member = property.GetValue(value);
            if (property.Name == "AdditionalProperties")
            {
                if (member is IReadOnlyDictionary<string, JsonElement> { Count: > 0 } extra)
                {
                    undeclared.AddRange(extra.Select(entry => $"{path}.{entry.Key} ({type.Name}): {entry.Value.GetRawText()}"));
                }
            }
            else
            {
                Collect(member, $"{path}.{property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name}", undeclared);
            }
        }
    }
}
