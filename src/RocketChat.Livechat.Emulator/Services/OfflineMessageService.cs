using System.Text.RegularExpressions;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>
/// The offline form (the server's sendOfflineMessage): refused when the form is disabled or the email is not valid,
/// otherwise accepted and handed to the livechat.offlineMessage hook, i.e. the webhook. The emulator sends no email.
/// </summary>
internal sealed partial class OfflineMessageService(EmulatorState state)
{
    /// <summary>The server's route turns every failure of sendOfflineMessage into this one localized text.</summary>
    public const string FailureText = "Error sending livechat offline message";

    /// <summary>Whether the widget shows the offline form (defined with the appearance settings); when off, the form fails.</summary>
    private const string DisplayOfflineForm = "Livechat_display_offline_form";

    public void Send(string name, string email, string message)
    {
        if (!state.Settings.GetBoolean(DisplayOfflineForm) || !EmailAddress().IsMatch(email))
        {
            throw ApiErrors.Plain(FailureText);
        }

        lock (state.Gate)
        {
            state.Webhooks.OfflineMessageSent(name, email, message);
        }
    }

    /// <summary>Rocket.Chat's validateEmail pattern.</summary>
    [GeneratedRegex("""^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$""")]
    private static partial Regex EmailAddress();
}
