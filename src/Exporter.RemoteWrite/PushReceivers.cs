using System.Security.Cryptography;
using System.Text;
using Exporter.RemoteWrite.Configuration;
using Exporter.RemoteWrite.Queue;
using Exporter.RemoteWrite.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exporter.RemoteWrite;

/// <summary>
/// The configured receivers, each with its queue (opened, and recovered from disk, when this is
/// created) and its client; and the count of collections appended. Shared by the push service and the
/// self-metrics collector.
/// </summary>
internal sealed class PushReceivers : IDisposable
{
    private readonly List<Receiver> _all = [];
    private long _collections;

    public PushReceivers(IOptions<RemoteWriteOptions> options, TimeProvider time, ILogger<PushReceivers> logger)
        : this(options.Value, time, logger, handler: null)
    {
    }

    /// <summary>Opens the receivers' queues; <paramref name="handler"/>, when given, replaces every receiver's HTTP handler (tests).</summary>
    internal PushReceivers(RemoteWriteOptions options, TimeProvider time, ILogger logger, Func<HttpMessageHandler>? handler)
    {
        Options = options;
        if (options.Receivers.Count == 0)
        {
            return;
        }

        var maxBytes = RemoteWriteOptionsValidator.MaxBytes(options.Buffer);
        try
        {
            foreach (var receiverOptions in options.Receivers)
            {
                var settings = ReceiverSettings.Resolve(options, receiverOptions);
                var queue = OpenQueue(options.Buffer.Path, settings, maxBytes, logger);
                _all.Add(new Receiver(settings, queue, new RemoteWriteClient(settings, time, handler?.Invoke())));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public RemoteWriteOptions Options { get; }

    public IReadOnlyList<Receiver> All => _all;

    /// <summary>Collections appended to the queues by this process.</summary>
    public long Collections => Interlocked.Read(ref _collections);

    public void CountCollection() => Interlocked.Increment(ref _collections);

    /// <summary>The queue's directory for a receiver: its host and port, and a hash of its whole URL.</summary>
    internal static string DirectoryName(Uri url)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)))[..12];
        var host = new string([.. url.Host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
        return $"{host}_{url.Port}-{hash}";
    }

    public void Dispose()
    {
        foreach (var receiver in _all)
        {
            receiver.Dispose();
        }
    }

    private static IPushQueue OpenQueue(string? bufferPath, ReceiverSettings settings, long maxBytes, ILogger logger)
    {
        if (bufferPath is null)
        {
            return new MemoryQueue(maxBytes);
        }

        var directory = Path.Join(bufferPath, DirectoryName(settings.Url));
        try
        {
            return DiskQueue.Open(directory, maxBytes, logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A configuration problem (another exporter holds the queue, no permission): stop the start-up.
            throw new InvalidOperationException($"push buffer {directory} for {settings.SafeUrl} cannot be opened: {e.Message}", e);
        }
    }
}
