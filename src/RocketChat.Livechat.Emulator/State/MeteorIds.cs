using System.Security.Cryptography;

namespace RocketChat.Livechat.Emulator.State;

/// <summary>Ids and secrets in the shapes Meteor's <c>Random.id()</c> and <c>Random.secret()</c> produce.</summary>
internal static class MeteorIds
{
    private const string IdAlphabet = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>A 17-character document id.</summary>
    public static string NewId() => RandomNumberGenerator.GetString(IdAlphabet, 17);

    /// <summary>A 43-character login token.</summary>
    public static string NewSecret() => RandomNumberGenerator.GetString(SecretAlphabet, 43);
}
