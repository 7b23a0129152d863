using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace RocketChat.Livechat.Webhooks;

/// <summary>The bounded queue between the endpoint (which answers at once) and the background worker.</summary>
internal sealed class LivechatWebhookQueue
{
    private readonly Channel<LivechatWebhookEvent> _channel;
    private volatile bool _closed;

    public LivechatWebhookQueue(IOptions<LivechatWebhookOptions> options)
    {
        _channel = Channel.CreateBounded<LivechatWebhookEvent>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: the endpoint answers 503 and the server retries.
            SingleReader = false, // the worker, and on shutdown the worker's StopAsync logging what it left
        });
    }

    /// <summary>False when the queue is full or closed.</summary>
    public bool TryEnqueue(LivechatWebhookEvent webhook) => _channel.Writer.TryWrite(webhook);

    /// <summary>True once the application is stopping: nothing more is taken.</summary>
    public bool IsClosed => _closed;

    /// <summary>Takes no more events; those queued are still read.</summary>
    public void Close()
    {
        _closed = true;
        _channel.Writer.TryComplete();
    }

    public ChannelReader<LivechatWebhookEvent> Reader => _channel.Reader;
}
