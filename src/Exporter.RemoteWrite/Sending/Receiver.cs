using Exporter.RemoteWrite.Configuration;
using Exporter.RemoteWrite.Queue;

namespace Exporter.RemoteWrite.Sending;

/// <summary>One receiver: its settings, its own queue, its client and its counters.</summary>
internal sealed class Receiver(ReceiverSettings settings, IPushQueue queue, RemoteWriteClient client) : IDisposable
{
    public ReceiverSettings Settings { get; } = settings;

    public IPushQueue Queue { get; } = queue;

    public RemoteWriteClient Client { get; } = client;

    public ReceiverStats Stats { get; } = new();

    public void Dispose()
    {
        Client.Dispose();
        Queue.Dispose();
    }
}
