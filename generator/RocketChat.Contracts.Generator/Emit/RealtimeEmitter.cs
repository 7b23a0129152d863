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
            writer.Block($"""
                /// <summary>One DDP stream: the publication a <c>sub</c> names and the eventName, its first parameter.</summary>
                /// <param name="Publication">The publication name.</param>
                /// <param name="EventName">The eventName that selects a room, a user or a queue inside the publication.</param>
                {model.Accessibility} readonly record struct {model.StreamTypeName}(string Publication, string EventName);
                """);
            writer.Line();
        }

        private static void EmitStreams(SourceWriter writer, RealtimeModel model)
        {
            string title = string.Join(" ", CSharpText.DocLines(model.Title ?? model.ClassName));
            writer.Block($"""
                /// <summary>
                /// The DDP publications and methods of {title}, one class per channel of the AsyncAPI document.
                /// </summary>
                """);
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
                writer.Block($$"""
                    private static {{JsonCode.Reader}} ReaderAt({{Json}}.JsonElement value)
                    {
                        var reader = new {{JsonCode.Reader}}(global::System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value));
                        reader.Read();
                        return reader;
                    }
                    """);
            }

            writer.Close();
        }

        private static void EmitChannel(SourceWriter writer, RealtimeModel model, ChannelModel channel)
        {
            CSharpText.DocOrDefault(writer, "summary", channel.Description, $"The channel {CSharpText.Code(channel.Id)}.");
            if (channel.ReadRule != null)
            {
                CSharpText.Doc(writer, "remarks", $"Who may subscribe: {channel.ReadRule}");
            }

            writer.Open($"public static class {channel.Name}");
            string address = CSharpText.Code(channel.Address);
            string addressLiteral = CSharpText.Literal(channel.Address);
            if (channel.Kind == DdpKind.Publication)
            {
                writer.Block($"""
                    /// <summary>The DDP publication {address}.</summary>
                    public const string Publication = {addressLiteral};
                    """);
            }
            else
            {
                writer.Block($"""
                    /// <summary>The DDP method {address}.</summary>
                    public const string Method = {addressLiteral};
                    """);
            }

            foreach (EventNameModel eventName in channel.EventNames)
            {
                writer.Line();
                EmitEventName(writer, model, channel, eventName);
            }

            if (channel.ExtraData != null)
            {
                TypeRef extra = Qualified(model, channel.ExtraData);
                string extraType = CSharpText.Code(extra.CSharpType.Replace("global::", string.Empty));
                string write = JsonCode.Write(extra, "value");
                writer.Line();
                writer.Block($$"""
                    /// <summary>Writes the extra subscription parameter (<c>x-ddp-extra-data</c>), a {{extraType}}.</summary>
                    public static void WriteExtraData({{Json}}.Utf8JsonWriter writer, {{extra.CSharpType}} value)
                    {
                        {{write}}
                    }
                    """);
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
            string signature = string.Join(", ", parameters.Select(p => $"string {p.Name}"));
            string arguments = string.Join(", ", parameters.Select(p => p.Name));
            string code = CSharpText.Code(eventName.Template);

            writer.Block($"""
                /// <summary>The eventName template as the contract writes it: {code}.</summary>
                public const string {eventName.Name}EventNameTemplate = {CSharpText.Literal(eventName.Template)};

                /// <summary>The eventName {code} with its parameters filled in.</summary>
                """);
            EmitTemplateParameterDocs(writer, parameters);
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
                EmitTemplateParameterDocs(writer, parameters);
                writer.Line($"public static {StreamType(model)} {eventName.Name}Stream({signature}) => new(Publication, {eventName.Name}EventName({arguments}));");
            }
        }

        /// <summary>A param doc per parameter of an eventName template, naming the template part it fills.</summary>
        private static void EmitTemplateParameterDocs(SourceWriter writer, List<(string Wire, string Name)> parameters)
        {
            foreach ((string wire, string name) in parameters)
            {
                writer.Line($"/// <param {CSharpText.ParamName(name)}>The {CSharpText.Code(wire)} of the template.</param>");
            }
        }

        /// <summary>A C# expression building the eventName: a literal, a parameter, or string.Concat of them.</summary>
        private static string EventNameExpression(EquatableArray<EventNameSegment> segments)
        {
            var parts = segments.Select(s => s.Parameter ? Identifiers.ToCamelCase(s.Text) : CSharpText.Literal(s.Text)).ToList();
            return parts.Count == 1 ? parts[0] : $"string.Concat({string.Join(", ", parts)})";
        }

        private static void EmitMessage(SourceWriter writer, RealtimeModel model, ChannelMessageModel message)
        {
            TypeRef payload = Qualified(model, message.Payload);
            string type = payload.CSharpType;
            string code = CSharpText.Code(message.Id);
            writer.Line($"/// <summary>Reads the payload of one {code} message: a stream event's <c>args</c> or a method's <c>params</c> or <c>result</c>.</summary>");
            CSharpText.Doc(writer, "remarks", message.Description);
            string read = JsonCode.Read(payload, "reader");
            writer.Block($$"""
                /// <exception cref="{{Json}}.JsonException">The payload does not match the contract.</exception>
                public static {{type}} Read{{message.Name}}({{Json}}.JsonElement payload)
                {
                    {{JsonCode.Reader}} reader = ReaderAt(payload);
                    return {{read}};
                }
                """);

            if (message.Payload.Kind == TypeKind.Object && model.ArgumentTypes.Any(a => a.Name == message.Payload.Name))
            {
                writer.Line();
                writer.Block($"""
                    /// <summary>Writes the arguments of one {code} message as the elements of an open JSON array (DDP <c>params</c>).</summary>
                    public static void Write{message.Name}({Json}.Utf8JsonWriter writer, {type} value) => {type}JsonConverter.WriteElements(writer, value);
                    """);
            }
        }

        /// <summary>
        /// Inside the streams class a channel's nested class hides a type of the same name (a channel 'login' beside a
        /// schema 'Login'): such a type is written with its namespace.
        /// </summary>
        private static TypeRef Qualified(RealtimeModel model, TypeRef type) => type.Kind switch
        {
            TypeKind.Object or TypeKind.Enum when IsHidden(model, type.Name!) => type with { Name = $"global::{model.Namespace}.{type.Name}" },
            TypeKind.Array or TypeKind.Map => type with { Element = Qualified(model, type.Element!) },
            _ => type,
        };

        private static bool IsHidden(RealtimeModel model, string typeName) => model.Channels.Any(c => c.Name == typeName);

        private static string StreamType(RealtimeModel model) =>
            IsHidden(model, model.StreamTypeName) ? $"global::{model.Namespace}.{model.StreamTypeName}" : model.StreamTypeName;

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
                bool isRequired = i < arguments.RequiredCount;
                string optional = isRequired ? string.Empty : ", optional";
                CSharpText.DocOrDefault(writer, "summary", argument.Description, $"Argument {position} of the message.");
                writer.Line($"/// <remarks>Position {position}{optional}.</remarks>");
                string declaration = isRequired
                    ? $"public required {argument.Type.CSharpType} {argument.Name} {{ get; init; }}"
                    : $"public {argument.Type.CSharpType}? {argument.Name} {{ get; init; }}";
                writer.Line(declaration);
            }

            writer.Close();
        }

        private static void EmitArgumentsConverter(SourceWriter writer, RealtimeModel model, ArgumentsTypeModel arguments)
        {
            string name = arguments.Name;
            var locals = arguments.Arguments.Select(a => $"arg{a.Name}").ToList();
            string required = arguments.RequiredCount.ToString(CultureInfo.InvariantCulture);

            writer.Line($"/// <summary>Reads and writes <see cref=\"{name}\"/> as a JSON array, without reflection.</summary>");
            writer.Open(JsonEmitter.ConverterDeclaration(model.Accessibility, name));

            string notArray = CSharpText.Literal($"Expected a JSON array of arguments for {name}.");
            writer.Line("/// <summary>Reads the array at the reader's current token; positions beyond the contract's are skipped.</summary>");
            writer.Open($"public static {name} ReadValue(ref {JsonCode.Reader} reader)");
            writer.Block($$"""
                if (reader.TokenType != {{Json}}.JsonTokenType.StartArray)
                {
                    throw new {{Json}}.JsonException({{notArray}});
                }
                """);
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
                string position = i.ToString(CultureInfo.InvariantCulture);
                string read = JsonCode.Read(arguments.Arguments[i].Type, "reader");
                writer.Line($"case {position}: {locals[i]} = reader.TokenType == {Json}.JsonTokenType.Null ? null : {read}; break;");
            }

            writer.Line("default: reader.Skip(); break;");
            writer.Close();
            writer.Close();
            writer.Line();
            string tooFew = CSharpText.Literal($"{name} needs {required} arguments; ");
            writer.Block($$"""
                if (count < {{required}})
                {
                    throw new {{Json}}.JsonException({{tooFew}} + count + " were sent.");
                }
                """);
            writer.Line();
            writer.Open($"return new {name}");
            for (int i = 0; i < arguments.Arguments.Count; i++)
            {
                ArgumentModel argument = arguments.Arguments[i];
                string value = i < arguments.RequiredCount ? RequiredArgument(name, argument, i, locals[i]) : locals[i];
                writer.Line($"{argument.Name} = {value},");
            }

            writer.Close(";");
            writer.Close();
            writer.Line();

            writer.Block($$"""
                /// <summary>Writes the arguments as one JSON array.</summary>
                public static void WriteValue({{Json}}.Utf8JsonWriter writer, {{name}} value)
                {
                    writer.WriteStartArray();
                    WriteElements(writer, value);
                    writer.WriteEndArray();
                }
                """);
            writer.Line();

            writer.Line("/// <summary>Writes the arguments as elements of an array already open; optional trailing arguments that are null are left out.</summary>");
            writer.Open($"public static void WriteElements({Json}.Utf8JsonWriter writer, {name} value)");
            for (int i = 0; i < arguments.Arguments.Count; i++)
            {
                ArgumentModel argument = arguments.Arguments[i];
                string member = $"value.{argument.Name}";
                if (i < arguments.RequiredCount)
                {
                    writer.Line(JsonCode.Write(argument.Type, member));
                    continue;
                }

                // An optional argument is written when it or a later one is set: positions must not shift.
                string laterIsSet = string.Join(" || ", arguments.Arguments.Skip(i).Select(a => $"value.{a.Name} is not null"));
                string local = $"{Identifiers.ToCamelCase(argument.Name)}Value";
                string write = JsonCode.Write(argument.Type, local);
                writer.Block($$"""
                    if ({{laterIsSet}})
                    {
                        if ({{member}} is { } {{local}})
                        {
                            {{write}}
                        }
                        else
                        {
                            writer.WriteNullValue();
                        }
                    }
                    """);
            }

            writer.Close();
            writer.Close();
        }

        /// <summary>A required argument's read value: null (absent or JSON null) is a JsonException naming the position.</summary>
        private static string RequiredArgument(string typeName, ArgumentModel argument, int index, string local)
        {
            string position = (index + 1).ToString(CultureInfo.InvariantCulture);
            string isNull = CSharpText.Literal($"Argument {position} ({argument.Name}) of {typeName} is null.");
            return $"{local} ?? throw new {Json}.JsonException({isNull})";
        }
    }
}
