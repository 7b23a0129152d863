namespace RocketChat.Livechat.Emulator.Services;

/// <summary>fileUploadIsValidContentType: the black list refuses, a non-empty white list must allow; <c>type/*</c> matches a whole family.</summary>
internal static class MediaTypeFilter
{
    public static bool Allows(string mediaType, string whiteList, string blackList)
    {
        if (Matches(mediaType, blackList))
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(whiteList) || Matches(mediaType, whiteList);
    }

    private static bool Matches(string mediaType, string list)
    {
        string type = mediaType.Split(';')[0].Trim();
        foreach (string entry in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (string.Equals(entry, type, StringComparison.OrdinalIgnoreCase)
                || (entry.EndsWith("/*", StringComparison.Ordinal) && type.StartsWith(entry[..^1], StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
