using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Exporter.DatabaseFailureBench;

/// <summary>
/// Counts, on the loopback interface, the TCP segments that arrive for one port: connection
/// attempts (SYN without ACK, whether a listener answers, refuses or is absent) and segments that
/// carry data. A raw IPv4 socket sees every incoming TCP segment with its IP header (raw(7)); it
/// needs root (CAP_NET_RAW).
/// </summary>
internal sealed class SynCounter : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly int _port;
    private long _syns;
    private long _dataSegments;

    public SynCounter(int port)
    {
        _port = port;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = Task.Run(ReadAsync);
    }

    public long Syns => Interlocked.Read(ref _syns);

    public long DataSegments => Interlocked.Read(ref _dataSegments);

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the socket was closed under the read
        }

        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            int n;
            try
            {
                n = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Count(buffer.AsSpan(0, n));
        }
    }

    // IPv4 header (RFC 791): IHL in the low nibble of byte 0, total length at 2; TCP (RFC 9293):
    // destination port at 2, data offset in the high nibble of byte 12, flags at 13 (SYN 0x02, ACK 0x10).
    private void Count(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 20)
        {
            return;
        }

        var ipHeader = (packet[0] & 0x0f) * 4;
        var total = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if (packet.Length < ipHeader + 20)
        {
            return;
        }

        var tcp = packet[ipHeader..];
        if (BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]) != _port)
        {
            return;
        }

        var flags = tcp[13];
        if ((flags & 0x02) != 0 && (flags & 0x10) == 0)
        {
            Interlocked.Increment(ref _syns);
        }

        if (total - ipHeader - ((tcp[12] >> 4) * 4) > 0)
        {
            Interlocked.Increment(ref _dataSegments);
        }
    }
}
