using System.Net.Sockets;

namespace Exporter.IntegrationTests.Web;

/// <summary>Small helpers for tests that talk TCP directly.</summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> bytes and reads until the server closes or <paramref name="timeout"/> passes.</summary>
    public static async Task<string> SendAsync(int port, byte[] request, TimeSpan? timeout = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request);
        }
        catch (IOException)
        {
            // The server may answer and close before the whole request is written (a huge header).
        }

        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var response = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancel.Token)) > 0)
            {
                response.Write(buffer, 0, read);
                if (IsComplete(response))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (OperationCanceledException)
        {
        }

        return System.Text.Encoding.Latin1.GetString(response.ToArray());
    }

    public static int Status(string response) =>
        response.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(response.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : 0;

    // Headers done, and the body: Content-Length bytes of it, or the last chunk.
    private static bool IsComplete(MemoryStream response)
    {
        var text = System.Text.Encoding.Latin1.GetString(response.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var headers = text[..end].Split("\r\n");
        if (headers.Any(h => h.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
        {
            return text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal);
        }

        var length = headers.FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is not null && text.Length - end - 4 >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
