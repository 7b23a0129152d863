namespace RocketChat.Contracts.Runtime;

/// <summary>
/// A file sent as one part of a multipart/form-data body. The caller owns <see cref="Content"/>: it is read from
/// its current position, never disposed. A seekable stream can be sent again when a 401 makes the call retry.
/// </summary>
public sealed class FilePart
{
    /// <summary>A file part; <paramref name="contentType"/> defaults to application/octet-stream.</summary>
    public FilePart(Stream content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!content.CanRead)
        {
            throw new ArgumentException("The file content must be a readable stream.", nameof(content));
        }

        Content = content;
        FileName = fileName;
        ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType;
        StartPosition = content.CanSeek ? content.Position : -1;
    }

    /// <summary>The bytes to send.</summary>
    public Stream Content { get; }

    /// <summary>The file name the server records (<c>filename</c> of the part).</summary>
    public string FileName { get; }

    /// <summary>The part's media type, e.g. <c>image/png</c>.</summary>
    public string ContentType { get; }

    /// <summary>Where the content started, to rewind for a retry; -1 when the stream cannot seek.</summary>
    internal long StartPosition { get; }
}
