using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RocketChat.Contracts.Generator.Diagnostics;
using RocketChat.Contracts.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Parsing
{
    /// <summary>
    /// Reads the <c>channels</c> of an AsyncAPI 3 document as DDP publications and methods: <c>address</c> is the
    /// publication or method name, <c>x-ddp-kind</c> says which, <c>x-ddp-event-name</c> holds the eventName
    /// template(s), <c>x-ddp-extra-data</c> the schema of a subscription's extra parameter, and each message's payload
    /// becomes a typed value or, for a JSON array with positional <c>items</c>, an arguments record.
    /// </summary>
    internal sealed class ChannelReader
    {
        private readonly ContractContext _context;
        private readonly SchemaReader _schemas;
        // A channel's class is nested in the streams class beside its members: none may share its name (CS0542).
        private readonly HashSet<string> _channelNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Publication", "Method", "EventName", "EventNameTemplate", "Stream", "WriteExtraData", "ReaderAt",
        };

        // A message reached from two channels (a $ref to components/messages) is one type, read once.
        private readonly Dictionary<YamlNode, TypeRef> _payloads = new Dictionary<YamlNode, TypeRef>(ReferenceComparer.Instance);

        private readonly bool _readsPayloads;

        public ChannelReader(ContractContext context, SchemaReader schemas, string streamsClassName, bool readsPayloads)
        {
            _context = context;
            _schemas = schemas;
            _readsPayloads = readsPayloads;
            _channelNames.Add(streamsClassName);
        }

        public List<ArgumentsTypeModel> ArgumentTypes { get; } = new List<ArgumentsTypeModel>();

        public List<ChannelModel> ReadChannels(YamlNode? channels, CancellationToken cancellationToken)
        {
            var result = new List<ChannelModel>();
            if (channels != null && channels is not YamlMappingNode)
            {
                _context.Report(DiagnosticDescriptors.InvalidStructure, channels, "'channels' is not a mapping");
                return result;
            }

            foreach ((YamlScalarNode key, YamlNode value) in channels.Entries())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ReadChannel(key, _context.Dereference(value)) is ChannelModel channel)
                {
                    result.Add(channel);
                }
            }

            return result;
        }

        private ChannelModel? ReadChannel(YamlScalarNode key, YamlNode? channel)
        {
            string id = key.Value!;
            if (channel is not YamlMappingNode)
            {
                _context.Report(DiagnosticDescriptors.InvalidStructure, key, "The channel '" + id + "' is not a mapping");
                return null;
            }

            if (channel.GetString("address") is not string address || address.Length == 0)
            {
                _context.Report(DiagnosticDescriptors.ChannelWithoutAddress, channel.GetKey("address") ?? key, id);
                return null;
            }

            DdpKind kind;
            switch (channel.GetString("x-ddp-kind"))
            {
                case "publication":
                    kind = DdpKind.Publication;
                    break;
                case "method":
                    kind = DdpKind.Method;
                    break;
                case string other:
                    _context.Report(DiagnosticDescriptors.UnsupportedDdpKind, channel.Get("x-ddp-kind")!, id, other);
                    return null;
                default:
                    _context.Report(DiagnosticDescriptors.UnsupportedDdpKind, channel.GetKey("x-ddp-kind") ?? key, id, "(none)");
                    return null;
            }

            if (ReadEventNames(id, channel) is not List<EventNameModel> eventNames)
            {
                return null;
            }

            string wanted = _context.NameFor(channel, Identifiers.ToPascalCase(id));
            // Nor may a member of its own be named like it (a template 'public' in a channel 'PublicStream').
            var ownMembers = new HashSet<string>(eventNames.SelectMany(e => new[] { e.Name + "EventName", e.Name + "EventNameTemplate", e.Name + "Stream" }), StringComparer.Ordinal);
            var taken = new HashSet<string>(_channelNames.Concat(ownMembers), StringComparer.Ordinal);
            string name = Identifiers.Unique(wanted, taken);
            _channelNames.Add(name);
            if (name != wanted)
            {
                _context.Report(DiagnosticDescriptors.ChannelNameCollision, key, id, wanted, name);
            }

            TypeRef? extraData = _readsPayloads && channel.Get("x-ddp-extra-data") is YamlNode extra ? _schemas.Read(extra, name + "ExtraData") : null;
            var messages = new List<ChannelMessageModel>();
            var messageNames = new HashSet<string>(StringComparer.Ordinal);
            foreach ((YamlScalarNode messageKey, YamlNode messageNode) in _readsPayloads ? channel.Get("messages").Entries() : Enumerable.Empty<(YamlScalarNode, YamlNode)>())
            {
                YamlNode? message = _context.Dereference(messageNode);
                if (message is not YamlMappingNode)
                {
                    continue;
                }

                string messageName = Identifiers.ToPascalCase(message.GetString("name") ?? messageKey.Value!);
                TypeRef payload = ReadPayload(messageKey, message, messageName);

                // The message's Read/Write methods: one pair per message, never named like the channel's class.
                string methodName = Identifiers.Unique(messageName, messageNames);
                if ("Read" + methodName == name || "Write" + methodName == name)
                {
                    methodName = Identifiers.Unique(methodName + "Message", messageNames);
                }

                messages.Add(new ChannelMessageModel(messageKey.Value!, methodName, SchemaReader.Describe(message) ?? message.GetString("summary"), payload));
            }

            return new ChannelModel(
                id,
                name,
                address,
                kind,
                SchemaReader.Describe(channel),
                channel.GetString("x-ddp-read-rule"),
                eventNames.ToEquatableArray(),
                extraData,
                messages.ToEquatableArray());
        }

        private List<EventNameModel>? ReadEventNames(string channelId, YamlNode channel)
        {
            var templates = new List<(string Text, YamlNode Node)>();
            switch (channel.Get("x-ddp-event-name"))
            {
                case null:
                    return new List<EventNameModel>();
                case YamlScalarNode scalar:
                    templates.Add((scalar.Value ?? string.Empty, scalar));
                    break;
                case YamlSequenceNode sequence when sequence.Children.Count > 0:
                    foreach (YamlNode item in sequence.Children)
                    {
                        if (item is not YamlScalarNode itemScalar)
                        {
                            _context.Report(DiagnosticDescriptors.InvalidEventNameTemplate, item, "(not a string)", channelId, "a template is a string");
                            return null;
                        }

                        templates.Add((itemScalar.Value ?? string.Empty, itemScalar));
                    }

                    break;
                case YamlNode other:
                    _context.Report(DiagnosticDescriptors.InvalidEventNameTemplate, other, "(not a string)", channelId, "give one template or a non-empty list of templates");
                    return null;
            }

            var result = new List<EventNameModel>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach ((string text, YamlNode node) in templates)
            {
                if (EventNameTemplates.Split(text, out string problem) is not List<EventNameSegment> segments)
                {
                    _context.Report(DiagnosticDescriptors.InvalidEventNameTemplate, node, text, channelId, problem);
                    return null;
                }

                // One template is the channel's eventName; several are told apart by their literal text.
                string name = templates.Count == 1 ? string.Empty : Identifiers.Unique(EventNameTemplates.NameOf(segments), names);
                result.Add(new EventNameModel(text, name, segments.ToEquatableArray()));
            }

            return result;
        }

        private TypeRef ReadPayload(YamlScalarNode messageKey, YamlNode message, string messageName)
        {
            if (_payloads.TryGetValue(message, out TypeRef? known))
            {
                return known;
            }

            TypeRef payload = ReadPayloadUncached(messageKey, message, messageName);
            _payloads[message] = payload;
            return payload;
        }

        private TypeRef ReadPayloadUncached(YamlScalarNode messageKey, YamlNode message, string messageName)
        {
            if (message.Get("payload") is not YamlMappingNode payload)
            {
                _context.Report(DiagnosticDescriptors.UntypedPayload, message.GetKey("payload") ?? messageKey, messageName, "it has no payload schema");
                return TypeRef.Json;
            }

            if (payload.Get("schemaFormat") != null || payload.Get("schema") != null)
            {
                _context.Report(DiagnosticDescriptors.UntypedPayload, message.GetKey("payload")!, messageName, "a Multi Format Schema Object; give the JSON schema itself");
                return TypeRef.Json;
            }

            if (payload.GetString("type") == "array" && payload.Get("items") is YamlSequenceNode positions)
            {
                return ReadArguments(messageName, payload, positions);
            }

            if (payload.GetString("type") == "array" && payload.Get("prefixItems") is YamlSequenceNode prefixItems)
            {
                return ReadArguments(messageName, payload, prefixItems);
            }

            return ReadValue(payload, messageName + "Payload");
        }

        /// <summary>A DDP argument list: one record, a member per position, read from and written as a JSON array.</summary>
        private TypeRef ReadArguments(string messageName, YamlMappingNode payload, YamlSequenceNode positions)
        {
            string typeName = Identifiers.Unique(messageName + "Arguments", _context.TypeNames);
            var memberNames = new HashSet<string>(StringComparer.Ordinal) { typeName };
            var arguments = new List<ArgumentModel>();
            foreach (YamlNode position in positions.Children)
            {
                string derived = position.GetString("title")
                    ?? (position.GetString("$ref") is string reference ? reference.Substring(reference.LastIndexOf('/') + 1) : null)
                    ?? "Argument" + (arguments.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                string member = Identifiers.Unique(_context.NameFor(position, Identifiers.ToPascalCase(derived)), memberNames);
                TypeRef type = ReadValue(position, typeName + member);
                arguments.Add(new ArgumentModel(member, type, position.GetString("description")));
            }

            int required = arguments.Count;
            if (payload.Get("minItems") is YamlScalarNode minItems)
            {
                if (int.TryParse(minItems.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int min) && min <= arguments.Count)
                {
                    required = min;
                }
                else
                {
                    _context.Report(DiagnosticDescriptors.InvalidStructure, minItems, "minItems '" + minItems.Value + "' of message '" + messageName + "' is not a count of at most " + arguments.Count + " positions");
                }
            }

            ArgumentTypes.Add(new ArgumentsTypeModel(typeName, SchemaReader.Describe(payload), arguments.ToEquatableArray(), required));
            return new TypeRef(TypeKind.Object, typeName);
        }

        /// <summary>
        /// One value of a payload, unless <c>x-json-element: true</c> says JsonElement is meant. An <c>allOf</c> over a
        /// record of another file is composed by the schema reader (RCG047 for what cannot be).
        /// </summary>
        private TypeRef ReadValue(YamlNode schema, string nameHint) =>
            schema.GetBool("x-json-element") ? TypeRef.Json : _schemas.Read(schema, nameHint);
    }
}
