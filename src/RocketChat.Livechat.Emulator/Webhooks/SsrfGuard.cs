using System.Net;
using System.Net.Sockets;

namespace RocketChat.Livechat.Emulator.Webhooks;

/// <summary>
/// server-fetch's checkForSsrf: a URL whose host is, or resolves to, a private, loopback, link-local or reserved
/// address is refused, unless the host or one of its addresses is on the allow-list (names, addresses or CIDR ranges).
/// </summary>
internal static class SsrfGuard
{
    public const string RefusalError = "error-ssrf-validation-failed";

    private static readonly (IPAddress Network, int PrefixLength)[] s_refusedRanges =
    [
        (IPAddress.Parse("0.0.0.0"), 8), (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8), (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24), (IPAddress.Parse("192.0.2.0"), 24), (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15), (IPAddress.Parse("198.51.100.0"), 24), (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4), (IPAddress.Parse("240.0.0.0"), 4),
        (IPAddress.Parse("::"), 128), (IPAddress.Parse("::1"), 128), (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10), (IPAddress.Parse("ff00::"), 8), (IPAddress.Parse("2001:db8::"), 32),
    ];

    /// <summary>Whether a POST to <paramref name="url"/> must be refused; a name that does not resolve is left to the request to fail.</summary>
    public static async Task<bool> RefusesAsync(Uri url, string allowlist, CancellationToken cancellationToken)
    {
        string host = url.IdnHost.Trim('[', ']');
        string[] allowed = allowlist.Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (allowed.Any(entry => string.Equals(entry, host, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out IPAddress? literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return addresses.Any(address => IsRefused(address) && !allowed.Any(entry => Matches(entry, address)));
    }

    private static bool IsRefused(IPAddress address)
    {
        IPAddress plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return s_refusedRanges.Any(range => InRange(plain, range.Network, range.PrefixLength));
    }

    /// <summary>An allow-list entry matches an address it equals or a CIDR range that holds it.</summary>
    private static bool Matches(string entry, IPAddress address)
    {
        IPAddress plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (IPNetwork.TryParse(entry, out IPNetwork network))
        {
            return network.Contains(plain);
        }

        return IPAddress.TryParse(entry, out IPAddress? single) && single.Equals(plain);
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefixLength) =>
        address.AddressFamily == network.AddressFamily && new IPNetwork(network, prefixLength).Contains(address);
}
