using static RocketChat.Contracts.Generator.Tests.AsyncApiTestDocuments;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// x-ddp-event-name templates: each way one can be wrong is reported with its reason and the place of the template,
/// and a valid one builds the eventName with its parameters (any ASCII identifier) as method parameters.
/// </summary>
public sealed class EventNameTemplateTests
{
    private static string Message(string template, string reason) =>
        "The x-ddp-event-name '" + template + "' of channel 'room' is not valid: " + reason + ". The channel is skipped";

    private const string NotAName = " is not a parameter name (letters, digits and '_', not starting with a digit)";

    public static TheoryData<string, string> InvalidTemplates => new()
    {
        { "a}b", "'}' at 1 closes nothing" },
        { "ab/{c}}", "'}' at 6 closes nothing" },
        { "ab/{c", "'{' at 3 is never closed" },
        { "{room-id}", "'{room-id}'" + NotAName },
        { "x/{}", "'{}'" + NotAName },
        { "{1a}", "'{1a}'" + NotAName },
        { "{a}/{a}", "the parameter 'a' appears twice" },
        { "{a}{b}", "two parameters follow each other without text between them, so the event name cannot be read back" },
        { "", "it is empty" },
    };

    [Theory]
    [MemberData(nameof(InvalidTemplates))]
    public void An_invalid_template_is_reported_with_its_reason_at_the_template(string template, string reason)
    {
        GeneratorOutcome outcome = Run(Publication("    x-ddp-event-name: '" + template + "'\n"));

        AssertSingle(outcome, "RCG043", Message(template, reason), 9, 23);
        Assert.DoesNotContain(outcome.Sources.Values, source => source.Contains("class Room", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_list_item_that_is_no_string_is_reported_at_the_item()
    {
        AssertSingle(Run(Publication("    x-ddp-event-name: [a, [b]]\n")), "RCG043", Message("(not a string)", "a template is a string"), 9, 27);
    }

    [Fact]
    public void A_template_that_is_a_mapping_is_reported_at_the_mapping()
    {
        AssertSingle(
            Run(Publication("    x-ddp-event-name: { a: b }\n")),
            "RCG043",
            Message("(not a string)", "give one template or a non-empty list of templates"),
            9,
            23);
    }

    [Fact]
    public void A_parameter_name_may_use_every_ascii_letter_digit_and_underscore()
    {
        GeneratorOutcome outcome = Run(Publication("    x-ddp-event-name: '{zAZ09_}/x'\n"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        // The C# parameter is the name in camelCase; the template keeps the name as written.
        Assert.Contains("public static string EventName(string zAZ09)", Streams(outcome), StringComparison.Ordinal);
        Assert.Contains("<c>{zAZ09_}/x</c>", Streams(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_starting_with_a_parameter_is_named_after_all_its_text()
    {
        GeneratorOutcome outcome = Run(Publication("    x-ddp-event-name: ['{roomId}/typing', 'room/{roomId}']\n"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string streams = Streams(outcome);
        Assert.Contains("public static string RoomIdTypingEventName(string roomId)", streams, StringComparison.Ordinal);
        Assert.Contains("public static string RoomEventName(string roomId)", streams, StringComparison.Ordinal);
    }
}
