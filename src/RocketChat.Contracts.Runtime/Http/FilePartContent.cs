using System.Net;

namespace RocketChat.Contracts.Runtime;

/// <summary>A file part's bytes, copied from the caller's stream without taking ownership of it (StreamContent would dispose it).</summary>
internal sealed class FilePartContent(FilePart file) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        file.Content.CopyToAsync(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = file.Content.CanSeek ? file.Content.Length - file.Content.Position : 0;
        return file.Content.CanSeek;
    }
}
