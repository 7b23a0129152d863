namespace RocketChat.Livechat.Emulator.Services;

/// <summary>What getUploadFormData found in a multipart body: the first file part and the text fields.</summary>
internal sealed record UploadForm(UploadedFile? File, IReadOnlyDictionary<string, string> Fields);

/// <summary>A file part: its field, file name, media type and size.</summary>
internal sealed record UploadedFile(string FieldName, string FileName, string ContentType, long Length);
