using System.Globalization;

namespace RocketChat.Livechat.Realtime.Load;

/// <summary>Nearest-rank percentiles of durations in milliseconds.</summary>
internal static class Percentiles
{
    public static string Summary(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return "no samples";
        }

        milliseconds.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(milliseconds, 50):0.000} ms, p90 {At(milliseconds, 90):0.000} ms, p99 {At(milliseconds, 99):0.000} ms, max {milliseconds[^1]:0.000} ms");
    }

    public static double At(List<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
