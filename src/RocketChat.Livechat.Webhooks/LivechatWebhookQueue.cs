using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace RocketChat.Livechat.Webhooks;

/// <summary>The bounded queue between the endpoint (which answers at once) and the background worker.</summary>
internal sealed class LivechatWebhookQueue
{
    private readonly Channel<LivechatWebhookEvent> _channel;

    public LivechatWebhookQueue(IOptions<LivechatWebhookOptions> options)
    {
        _channel = Channel.CreateBounded<LivechatWebhookEvent>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: the endpoint answers 503 and the server retries.
            SingleReader = true,
        });
    }

    /// <summary>False when the queue is full.</summary>
    public bool TryEnqueue(LivechatWebhookEvent webhook) => _channel.Writer.TryWrite(webhook);

    public ChannelReader<LivechatWebhookEvent> Reader => _channel.Reader;
}
