using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RocketChat.Contracts.Generator.Model;
using RocketChat.Contracts.Generator.Parsing;

namespace RocketChat.Contracts.Generator.Emit
{
    /// <summary>
    /// Emits what an AsyncAPI document of DDP streams gives: the stream type, one class per channel (publication or
    /// method name, eventName builders, typed readers and writers of its messages) and the arguments records with
    /// their reflection-free converters. The records of its own schemas are written by the REST emitters.
    /// </summary>
    internal static class RealtimeEmitter
    {
        private const string Json = "global::System.Text.Json";
        private const string Serialization = "global::System.Text.Json.Serialization";

        public static string Emit(RealtimeModel model)
        {
            SourceWriter writer = SourceWriter.Begin(model.Namespace, SourceWriter.AsyncApiSource);
            EmitStreamType(writer, model);
            EmitStreams(writer, model);
            foreach (ArgumentsTypeModel arguments in model.ArgumentTypes)
            {
                writer.Line();
                EmitArguments(writer, model, arguments);
                writer.Line();
                EmitArgumentsConverter(writer, model, arguments);
            }

            return writer.ToString();
        }

        private static void EmitStreamType(SourceWriter writer, RealtimeModel model)
        {
            writer.Line("/// <summary>One DDP stream: the publication a <c>sub</c> names and the eventName, its first parameter.</summary>");
            writer.Line("/// <param name=\"Publication\">The publication name.</param>");
            writer.Line("/// <param name=\"EventName\">The eventName that selects a room, a user or a queue inside the publication.</param>");
            writer.Line($"{model.Accessibility} readonly record struct {model.StreamTypeName}(string Publication, string EventName);");
            writer.Line();
        }

        private static void EmitStreams(SourceWriter writer, RealtimeModel model)
        {
            writer.Line("/// <summary>");
            string title = model.Title ?? model.ClassName;
            writer.Line($"/// The DDP publications and methods of {string.Join(" ", CSharpText.DocLines(title))}, one class per channel of the AsyncAPI document.");
            writer.Line("/// </summary>");
            CSharpText.Doc(writer, "remarks", model.Description);
            writer.Open($"{model.Accessibility} static partial class {model.StreamsClassName}");
            bool first = true;
            foreach (ChannelModel channel in model.Channels)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                EmitChannel(writer, model, channel);
            }

            if (model.Channels.Any(c => c.Messages.Count > 0))
            {
                writer.Line();
                writer.Line($"private static {JsonCode.Reader} ReaderAt({Json}.JsonElement value)");
                writer.Line("{");
                writer.Line($"    var reader = new {JsonCode.Reader}(global::System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value));");
                writer.Line("    reader.Read();");
                writer.Line("    return reader;");
                writer.Line("}");
            }

            writer.Close();
        }

        private static void EmitChannel(SourceWriter writer, RealtimeModel model, ChannelModel channel)
        {
            CSharpText.DocOrDefault(writer, "summary", channel.Description, $"The channel {CSharpText.Code(channel.Id)}.");
            if (channel.ReadRule != null)
            {
                CSharpText.Doc(writer, "remarks", "Who may subscribe: " + channel.ReadRule);
            }

            writer.Open($"public static class {channel.Name}");
            if (channel.Kind == DdpKind.Publication)
            {
                writer.Line($"/// <summary>The DDP publication {CSharpText.Code(channel.Address)}.</summary>");
                writer.Line($"public const string Publication = {CSharpText.Literal(channel.Address)};");
            }
            else
            {
                writer.Line($"/// <summary>The DDP method {CSharpText.Code(channel.Address)}.</summary>");
                writer.Line($"public const string Method = {CSharpText.Literal(channel.Address)};");
            }

            foreach (EventNameModel eventName in channel.EventNames)
            {
                writer.Line();
                EmitEventName(writer, model, channel, eventName);
            }

            if (channel.ExtraData is TypeRef extraData)
            {
                TypeRef extra = Qualified(model, extraData);
                writer.Line();
                writer.Line($"/// <summary>Writes the extra subscription parameter (<c>x-ddp-extra-data</c>), a {CSharpText.Code(extra.CSharpType.Replace("global::", string.Empty))}.</summary>");
                writer.Open($"public static void WriteExtraData({Json}.Utf8JsonWriter writer, {extra.CSharpType} value)");
                writer.Line(JsonCode.Write(extra, "value"));
                writer.Close();
            }

            foreach (ChannelMessageModel message in channel.Messages)
            {
                writer.Line();
                EmitMessage(writer, model, message);
            }

            writer.Close();
        }

        private static void EmitEventName(SourceWriter writer, RealtimeModel model, ChannelModel channel, EventNameModel eventName)
        {
            var parameters = eventName.Segments.Where(s => s.Parameter).Select(s => (Wire: s.Text, Name: Identifiers.ToCamelCase(s.Text))).ToList();
            string signature = string.Join(", ", parameters.Select(p => "string " + p.Name));
            string arguments = string.Join(", ", parameters.Select(p => p.Name));
            string code = CSharpText.Code(eventName.Template);

            writer.Line($"/// <summary>The eventName template as the contract writes it: {code}.</summary>");
            writer.Line($"public const string {eventName.Name}EventNameTemplate = {CSharpText.Literal(eventName.Template)};");
            writer.Line();
            writer.Line($"/// <summary>The eventName {code} with its parameters filled in.</summary>");
            foreach ((string wire, string name) in parameters)
            {
                writer.Line($"/// <param name={CSharpText.Attribute(name.TrimStart('@'))}>The {CSharpText.Code(wire)} of the template.</param>");
            }

            string value = EventNameExpression(eventName.Segments);
            if (parameters.Count == 0)
            {
                writer.Line($"public static string {eventName.Name}EventName() => {value};");
            }
            else
            {
                writer.Line("/// <exception cref=\"global::System.ArgumentException\">A parameter is null or empty: the eventName would name another stream.</exception>");
                writer.Open($"public static string {eventName.Name}EventName({signature})");
                foreach ((_, string name) in parameters)
                {
                    writer.Line($"global::System.ArgumentException.ThrowIfNullOrEmpty({name});");
                }

                writer.Line($"return {value};");
                writer.Close();
            }

            if (channel.Kind == DdpKind.Publication)
            {
                writer.Line();
                writer.Line($"/// <summary>The stream to subscribe to for the eventName {code}.</summary>");
                foreach ((string wire, string name) in parameters)
                {
                    writer.Line($"/// <param name={CSharpText.Attribute(name.TrimStart('@'))}>The {CSharpText.Code(wire)} of the template.</param>");
                }

                writer.Line($"public static {StreamType(model)} {eventName.Name}Stream({signature}) => new(Publication, {eventName.Name}EventName({arguments}));");
            }
        }

        /// <summary>A C# expression building the eventName: a literal, a parameter, or string.Concat of them.</summary>
        private static string EventNameExpression(EquatableArray<EventNameSegment> segments)
        {
            var parts = segments.Select(s => s.Parameter ? Identifiers.ToCamelCase(s.Text) : CSharpText.Literal(s.Text)).ToList();
            return parts.Count == 1 ? parts[0] : "string.Concat(" + string.Join(", ", parts) + ")";
        }

        private static void EmitMessage(SourceWriter writer, RealtimeModel model, ChannelMessageModel message)
        {
            TypeRef payload = Qualified(model, message.Payload);
            string type = payload.CSharpType;
            string code = CSharpText.Code(message.Id);
            writer.Line($"/// <summary>Reads the payload of one {code} message: a stream event's <c>args</c> or a method's <c>params</c> or <c>result</c>.</summary>");
            CSharpText.Doc(writer, "remarks", message.Description);
            writer.Line($"/// <exception cref=\"{Json}.JsonException\">The payload does not match the contract.</exception>");
            writer.Open($"public static {type} Read{message.Name}({Json}.JsonElement payload)");
            writer.Line($"{JsonCode.Reader} reader = ReaderAt(payload);");
            writer.Line($"return {JsonCode.Read(payload, "reader")};");
            writer.Close();

            if (message.Payload.Kind == TypeKind.Object && model.ArgumentTypes.Any(a => a.Name == message.Payload.Name))
            {
                writer.Line();
                writer.Line($"/// <summary>Writes the arguments of one {code} message as the elements of an open JSON array (DDP <c>params</c>).</summary>");
                writer.Line($"public static void Write{message.Name}({Json}.Utf8JsonWriter writer, {type} value) => {type}JsonConverter.WriteElements(writer, value);");
            }
        }

        /// <summary>
        /// Inside the streams class a channel's nested class hides a type of the same name (a channel 'login' beside a
        /// schema 'Login'): such a type is written with its namespace.
        /// </summary>
        private static TypeRef Qualified(RealtimeModel model, TypeRef type) => type.Kind switch
        {
            TypeKind.Object or TypeKind.Enum when IsHidden(model, type.Name!) => type with { Name = "global::" + model.Namespace + "." + type.Name },
            TypeKind.Array or TypeKind.Map => type with { Element = Qualified(model, type.Element!) },
            _ => type,
        };

        private static bool IsHidden(RealtimeModel model, string typeName) => model.Channels.Any(c => c.Name == typeName);

        private static string StreamType(RealtimeModel model) =>
            IsHidden(model, model.StreamTypeName) ? "global::" + model.Namespace + "." + model.StreamTypeName : model.StreamTypeName;

        private static void EmitArguments(SourceWriter writer, RealtimeModel model, ArgumentsTypeModel arguments)
        {
            CSharpText.DocOrDefault(writer, "summary", arguments.Description, "The arguments of a DDP message, by position.");
            writer.Line($"[{Serialization}.JsonConverter(typeof({arguments.Name}JsonConverter))]");
            writer.Open($"{model.Accessibility} sealed partial record {arguments.Name}");
            for (int i = 0; i < arguments.Arguments.Count; i++)
            {
                ArgumentModel argument = arguments.Arguments[i];
                if (i > 0)
                {
                    writer.Line();
                }

                string position = (i + 1).ToString(CultureInfo.InvariantCulture);
                CSharpText.DocOrDefault(writer, "summary", argument.Description, "Argument " + position + " of the message.");
                writer.Line($"/// <remarks>Position {position}{(i < arguments.RequiredCount ? string.Empty : ", optional")}.</remarks>");
                string declaration = i < arguments.RequiredCount
                    ? $"public required {argument.Type.CSharpType} {argument.Name} {{ get; init; }}"
                    : $"public {argument.Type.CSharpType}? {argument.Name} {{ get; init; }}";
                writer.Line(declaration);
            }

            writer.Close();
        }

        private static void EmitArgumentsConverter(SourceWriter writer, RealtimeModel model, ArgumentsTypeModel arguments)
        {
            string name = arguments.Name;
            var locals = arguments.Arguments.Select(a => "arg" + a.Name).ToList();
            string required = arguments.RequiredCount.ToString(CultureInfo.InvariantCulture);

            writer.Line($"/// <summary>Reads and writes <see cref=\"{name}\"/> as a JSON array, without reflection.</summary>");
            writer.Open($"{model.Accessibility} sealed class {name}JsonConverter : {Serialization}.JsonConverter<{name}>");
            writer.Line("/// <inheritdoc />");
            writer.Line($"public override {name} Read(ref {JsonCode.Reader} reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options) => ReadValue(ref reader);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public override void Write({Json}.Utf8JsonWriter writer, {name} value, {Json}.JsonSerializerOptions options) => WriteValue(writer, value);");
            writer.Line();

            writer.Line($"/// <summary>Reads the array at the reader's current token; positions beyond the contract's are skipped.</summary>");
            writer.Open($"public static {name} ReadValue(ref {JsonCode.Reader} reader)");
            writer.Open($"if (reader.TokenType != {Json}.JsonTokenType.StartArray)");
            writer.Line($"throw new {Json}.JsonException({CSharpText.Literal("Expected a JSON array of arguments for " + name + ".")});");
            writer.Close();
            writer.Line();
            for (int i = 0; i < arguments.Arguments.Count; i++)
            {
                writer.Line($"{arguments.Arguments[i].Type.CSharpType}? {locals[i]} = default;");
            }

            writer.Line("int count = 0;");
            writer.Open($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndArray)");
            writer.Open("switch (count++)");
            for (int i = 0; i < arguments.Arguments.Count; i++)
            {
                string read = JsonCode.Read(arguments.Arguments[i].Type, "reader");
                writer.Line($"case {i.ToString(CultureInfo.InvariantCulture)}: {locals[i]} = reader.TokenType == {Json}.JsonTokenType.Null ? null : {read}; break;");
            }

            writer.Line("default: reader.Skip(); break;");
            writer.Close();
            writer.Close();
            writer.Line();
            writer.Open($"if (count < {required})");
            writer.Line($"throw new {Json}.JsonException({CSharpText.Literal(name + " needs " + required + " arguments; ")} + count + \" were sent.\");");
            writer.Close();
            writer.Line();
            writer.Open($"return new {name}");
            for (int i = 0; i < arguments.Arguments.Count; i++)
            {
                ArgumentModel argument = arguments.Arguments[i];
                string value = i < arguments.RequiredCount
                    ? $"{locals[i]} ?? throw new {Json}.JsonException({CSharpText.Literal("Argument " + (i + 1).ToString(CultureInfo.InvariantCulture) + " (" + argument.Name + ") of " + name + " is null.")})"
                    : locals[i];
                writer.Line($"{argument.Name} = {value},");
            }

            writer.Close(";");
            writer.Close();
            writer.Line();

            writer.Line("/// <summary>Writes the arguments as one JSON array.</summary>");
            writer.Open($"public static void WriteValue({Json}.Utf8JsonWriter writer, {name} value)");
            writer.Line("writer.WriteStartArray();");
            writer.Line("WriteElements(writer, value);");
            writer.Line("writer.WriteEndArray();");
            writer.Close();
            writer.Line();

            writer.Line("/// <summary>Writes the arguments as elements of an array already open; optional trailing arguments that are null are left out.</summary>");
            writer.Open($"public static void WriteElements({Json}.Utf8JsonWriter writer, {name} value)");
            for (int i = 0; i < arguments.Arguments.Count; i++)
            {
                ArgumentModel argument = arguments.Arguments[i];
                string member = "value." + argument.Name;
                if (i < arguments.RequiredCount)
                {
                    writer.Line(JsonCode.Write(argument.Type, member));
                    continue;
                }

                // An optional argument is written when it or a later one is set: positions must not shift.
                var later = arguments.Arguments.Skip(i).Select(a => "value." + a.Name + " is not null");
                writer.Open($"if ({string.Join(" || ", later)})");
                writer.Open($"if ({member} is {{ }} {Identifiers.ToCamelCase(argument.Name)}Value)");
                writer.Line(JsonCode.Write(argument.Type, Identifiers.ToCamelCase(argument.Name) + "Value"));
                writer.Close();
                writer.Open("else");
                writer.Line("writer.WriteNullValue();");
                writer.Close();
                writer.Close();
            }

            writer.Close();
            writer.Close();
        }
    }
}
