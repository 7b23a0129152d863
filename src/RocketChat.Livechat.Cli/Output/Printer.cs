using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RocketChat.Livechat.Cli.Output;

/// <summary>Prints results as aligned tables for people, or as the server's JSON shape for scripts (--json).</summary>
public sealed class Printer(TextWriter output, bool json)
{
    /// <summary>Indented JSON from the generated, reflection-free metadata.</summary>
    public static LivechatJsonContext JsonContext { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Prints <paramref name="value"/> as JSON when --json is on, otherwise runs <paramref name="human"/>.</summary>
    public void Print<T>(T value, Func<LivechatJsonContext, JsonTypeInfo<T>> typeInfo, Action<Printer> human)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(value, typeInfo(JsonContext)));
        }
        else
        {
            human(this);
        }
    }

    /// <summary>Prints label: value pairs, skipping empty values.</summary>
    public void Fields(params (string Label, object? Value)[] fields)
    {
        int width = fields.Max(f => f.Label.Length);
        foreach ((string label, object? value) in fields)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                output.WriteLine($"{(label + ":").PadRight(width + 1)} {text}");
            }
        }
    }

    /// <summary>Prints a table with a header row; says so when there are no rows.</summary>
    public void Table(string[] headers, IEnumerable<string?[]> rows, string empty = "(none)")
    {
        List<string[]> cells = rows.Select(r => r.Select(c => c ?? string.Empty).ToArray()).ToList();
        if (cells.Count == 0)
        {
            output.WriteLine(empty);
            return;
        }

        int[] widths = headers.Select((h, i) => Math.Max(h.Length, cells.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (string[] row in cells)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
    }

    public void Line(string text = "") => output.WriteLine(text);

    public static string Time(DateTimeOffset? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
