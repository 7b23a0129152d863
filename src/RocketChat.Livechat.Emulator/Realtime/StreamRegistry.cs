namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>Who listens to which (stream, eventName), and the fan-out of one serialised event to all of them.</summary>
internal sealed class StreamRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Stream, string EventName), List<DdpSession>> _listeners = new();

    public void Add(string stream, string eventName, DdpSession session)
    {
        lock (_gate)
        {
            if (!_listeners.TryGetValue((stream, eventName), out List<DdpSession>? sessions))
            {
                sessions = [];
                _listeners[(stream, eventName)] = sessions;
            }

            sessions.Add(session);
        }
    }

    public void Remove(string stream, string eventName, DdpSession session)
    {
        lock (_gate)
        {
            if (_listeners.TryGetValue((stream, eventName), out List<DdpSession>? sessions))
            {
                sessions.Remove(session);
                if (sessions.Count == 0)
                {
                    _listeners.Remove((stream, eventName));
                }
            }
        }
    }

    /// <summary>Whether anyone listens, so publishers skip serialising events nobody would get.</summary>
    public bool HasListeners(string stream, string eventName)
    {
        lock (_gate)
        {
            return _listeners.ContainsKey((stream, eventName));
        }
    }

    /// <summary>Queues <paramref name="frame"/> on every listening session except <paramref name="except"/> (retransmitToSelf off).</summary>
    public void Publish(string stream, string eventName, byte[] frame, DdpSession? except = null)
    {
        DdpSession[] targets;
        lock (_gate)
        {
            if (!_listeners.TryGetValue((stream, eventName), out List<DdpSession>? sessions))
            {
                return;
            }

            // A session subscribed twice to the same event (two sub ids) still gets each event once per subscription, as Meteor sends it.
            targets = [.. sessions];
        }

        foreach (DdpSession session in targets)
        {
            if (!ReferenceEquals(session, except))
            {
                session.Enqueue(frame);
            }
        }
    }
}
