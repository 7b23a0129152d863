namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// How a form body is read into method parameters: which properties are file parts (3.0 <c>format: binary</c>, 3.1
/// <c>contentMediaType</c> without an encoding), and the exact reason (RCG008, at requestBody) a form cannot be sent.
/// </summary>
public sealed class FormBodyReadingTests
{
    [Fact]
    public void A_binary_field_in_a_url_encoded_form_skips_the_operation_naming_the_field()
    {
        OperationContract contract = Form("application/x-www-form-urlencoded", "note: { type: string }\n                file: { type: string, format: binary }");

        Assert.Equal(new[] { "RCG008" }, contract.Ids);
        Assert.Equal(("The operation 'upload' has a request body the generator cannot send (application/x-www-form-urlencoded: the binary field 'file' needs multipart/form-data); the operation is skipped", 9, 7), contract.Single("RCG008"));
        Assert.DoesNotContain(contract.Outcome.Sources.Keys, k => k.EndsWith(".Clients.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_content_media_type_without_an_encoding_is_a_file_too_so_a_url_encoded_form_cannot_send_it()
    {
        OperationContract contract = Form("application/x-www-form-urlencoded", "picture: { type: string, contentMediaType: image/png }");

        Assert.Equal(("The operation 'upload' has a request body the generator cannot send (application/x-www-form-urlencoded: the binary field 'picture' needs multipart/form-data); the operation is skipped", 9, 7), contract.Single("RCG008"));
    }

    [Fact]
    public void An_object_field_skips_the_operation_naming_the_field()
    {
        OperationContract contract = Form("multipart/form-data", "meta: { type: object, properties: { a: { type: string } } }");

        Assert.Equal(("The operation 'upload' has a request body the generator cannot send (multipart/form-data: the field 'meta' is an object; form fields hold text, numbers, booleans, dates, enums or files); the operation is skipped", 9, 7), contract.Single("RCG008"));
        Assert.DoesNotContain(contract.Outcome.Sources.Keys, k => k.EndsWith(".Clients.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Binary_and_content_media_type_fields_are_file_parts_and_an_encoded_one_is_text()
    {
        OperationContract contract = Form(
            "multipart/form-data",
            "file: { type: string, format: binary }\n                pictures: { type: array, items: { type: string, contentMediaType: image/png } }\n"
            + "                thumbnail: { type: string, contentMediaType: image/png, contentEncoding: base64 }");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal(
            "Task UploadAsync(global::RocketChat.Contracts.Runtime.FilePart? file = null, IReadOnlyList<global::RocketChat.Contracts.Runtime.FilePart>? pictures = null, string? thumbnail = null)",
            contract.Signature("UploadAsync"));
        Assert.Contains("call.AddFormFile(\"file\", file);", contract.Clients);
        Assert.Contains("call.AddFormFiles(\"pictures\", pictures);", contract.Clients);
        Assert.Contains("call.AddFormField(\"thumbnail\", thumbnail);", contract.Clients);
        contract.CompilesCleanly();
    }

    [Fact]
    public void A_file_part_is_not_read_as_a_schema_so_its_declared_shape_generates_no_type()
    {
        OperationContract contract = Form(
            "multipart/form-data",
            "report: { type: object, contentMediaType: application/pdf, properties: { pages: { type: integer } } }\n"
            + "                kind: { type: string, format: binary, enum: [scan, print] }");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal(
            "Task UploadAsync(global::RocketChat.Contracts.Runtime.FilePart? report = null, global::RocketChat.Contracts.Runtime.FilePart? kind = null)",
            contract.Signature("UploadAsync"));
        Assert.DoesNotContain(contract.Outcome.Sources, s => s.Value.Contains("UploadReport", StringComparison.Ordinal) || s.Value.Contains("UploadKind", StringComparison.Ordinal));
        contract.CompilesCleanly();
    }

    [Fact]
    public void A_chain_of_sixteen_references_is_followed_and_a_seventeenth_is_not()
    {
        OperationContract followed = Chained(16);
        Assert.DoesNotContain(followed.Diagnostics, d => d.Id == "RCG008");
        Assert.Equal("Task UploadAsync(string? note = null)", followed.Signature("UploadAsync"));
        OperationContract tooDeep = Chained(17);
        Assert.Equal(("The operation 'upload' has a request body the generator cannot send (multipart/form-data: the form schema has no 'properties'); the operation is skipped", 9, 7), tooDeep.Single("RCG008"));
    }

    /// <summary>upload's form body (requestBody on line 9, column 7) with the given property lines.</summary>
    private static OperationContract Form(string mediaType, string properties) => OperationContract.Generate(
        "paths:\n  /upload:\n    post:\n      operationId: upload\n      requestBody:\n        content:\n          " + mediaType + ":\n"
        + "            schema:\n              type: object\n              properties:\n                " + properties + "\n"
        + "      responses: {}\n");

    /// <summary>A multipart body whose schema reaches the form object through <paramref name="references"/> $refs.</summary>
    private static OperationContract Chained(int references) => OperationContract.Generate(
        "paths:\n  /upload:\n    post:\n      operationId: upload\n      requestBody:\n        content:\n          multipart/form-data:\n"
        + "            schema: { $ref: '#/components/schemas/Form1' }\n      responses: {}\n"
        + "components:\n  schemas:\n"
        + string.Concat(Enumerable.Range(1, references - 1).Select(i => $"    Form{i}: {{ $ref: '#/components/schemas/Form{i + 1}' }}\n"))
        + $"    Form{references}:\n      type: object\n      properties:\n        note: {{ type: string }}\n");
}
