using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace RocketChat.Livechat.Emulator;

/// <summary>
/// RFC 6238 time-based one-time passwords as Rocket.Chat's <c>TOTP.verify</c> (speakeasy) checks them: a base32
/// secret, 30-second steps from the Unix epoch, HMAC-SHA1, 6 digits, and <c>Accounts_TwoFactorAuthentication_MaxDelta</c>
/// steps either side of the current one (1 by default). Tests and tools use <see cref="Code"/> to act as the
/// authenticator app of a seeded user with <see cref="EmulatorUser.TotpSecret"/>.
/// </summary>
public static class Totp
{
    private const int StepSeconds = 30;
    private const int Digits = 6;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code for <paramref name="time"/>: what an authenticator app shows at that moment.</summary>
    public static string Code(string base32Secret, DateTimeOffset time) => CodeAt(DecodeBase32(base32Secret), StepOf(time));

    /// <summary>Whether <paramref name="code"/> is the code of the current step or of one at most <paramref name="maxDelta"/> steps away.</summary>
    internal static bool Verify(string base32Secret, string code, DateTimeOffset now, int maxDelta)
    {
        ArgumentNullException.ThrowIfNull(code);
        byte[] key = DecodeBase32(base32Secret);
        long step = StepOf(now);
        int window = Math.Max(maxDelta, 0);
        bool matched = false;
        for (long candidate = step - window; candidate <= step + window; candidate++)
        {
            // Every candidate is compared, so the time taken does not tell which step matched.
            matched |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeAt(key, candidate)), Encoding.ASCII.GetBytes(code));
        }

        return matched;
    }

    /// <summary>Whether <paramref name="secret"/> is base32 (RFC 4648; case, spaces and '=' padding ignored) with at least one byte.</summary>
    internal static bool IsValidSecret(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return false;
        }

        try
        {
            return DecodeBase32(secret).Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static long StepOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    private static string CodeAt(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);

        // RFC 4226 dynamic truncation: 31 bits from the offset the last nibble names.
        int offset = hash[^1] & 0x0F;
        int binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFF_FFFF) % 1_000_000;
        return binary.ToString("D" + Digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] DecodeBase32(string secret)
    {
        string text = secret.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (char c in text)
        {
            int value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
