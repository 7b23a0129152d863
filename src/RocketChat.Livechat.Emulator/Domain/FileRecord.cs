namespace RocketChat.Livechat.Emulator.Domain;

/// <summary>An uploaded file as the Uploads store records it and a file message carries it (<c>file</c>, <c>files[]</c>).</summary>
internal sealed record FileRecord(string Id, string Name, string Type, long Size, string? Description)
{
    /// <summary>The extension, as getFileExtension gives it (<c>png</c> for <c>cat.png</c>; empty when there is none).</summary>
    public string Format
    {
        get
        {
            int dot = Name.LastIndexOf('.');
            return dot < 0 || dot == Name.Length - 1 ? string.Empty : Name[(dot + 1)..].ToLowerInvariant();
        }
    }

    /// <summary>Where the server serves the file: <c>/file-upload/{id}/{encodeURI(name)}</c>.</summary>
    public string Url => $"/file-upload/{Id}/{Uri.EscapeDataString(Name)}";
}
