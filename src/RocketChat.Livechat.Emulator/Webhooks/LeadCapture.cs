using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Webhooks;

/// <summary>
/// The leadCapture hook: a visitor message is searched for e-mail addresses and phone numbers
/// (Livechat_lead_email_regex, Livechat_lead_phone_regex defaults, as read), which are added to the visitor.
/// </summary>
internal static partial class LeadCapture
{
    [GeneratedRegex(@"\b[A-Z0-9._%+-]+@(?:[A-Z0-9-]+\.)+[A-Z]{2,4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmailPattern();

    // JavaScript reads "\_" as "_"; .NET does not accept the escape, so it is written plainly.
    [GeneratedRegex(@"((?:\([0-9]{1,3}\)|[0-9]{2})[ \-]*?[0-9]{4,5}(?:[\-\s_]{1,2})?[0-9]{4}(?:(?=[^0-9])|$)|[0-9]{4,5}(?:[\-\s_]{1,2})?[0-9]{4}(?:(?=[^0-9])|$))")]
    private static partial Regex PhonePattern();

    /// <summary>Adds what the message holds to the visitor (saveGuestEmailPhoneById, $addToSet). Call inside the state lock.</summary>
    public static void Apply(EmulatorState state, string visitorId, string text)
    {
        if (!state.Visitors.TryGetValue(visitorId, out VisitorRecord? visitor))
        {
            return;
        }

        ImmutableArray<string> emails = AddNew(visitor.Emails, EmailPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()));
        ImmutableArray<string> phones = AddNew(visitor.Phones, PhonePattern().Matches(text).Select(m => m.Value));
        if (emails != visitor.Emails || phones != visitor.Phones)
        {
            state.Visitors[visitorId] = visitor with { Emails = emails, Phones = phones };
        }
    }

    private static ImmutableArray<string> AddNew(ImmutableArray<string> existing, IEnumerable<string> found)
    {
        ImmutableArray<string> result = existing;
        foreach (string value in found)
        {
            if (!result.Contains(value, StringComparer.Ordinal))
            {
                result = result.Add(value);
            }
        }

        return result;
    }
}
