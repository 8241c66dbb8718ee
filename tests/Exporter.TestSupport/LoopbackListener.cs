using System.Net;

namespace Exporter.TestSupport;

/// <summary>
/// An <see cref="HttpListener"/> on 127.0.0.1 (a proxy, a webhook the test receives on). It cannot
/// bind port 0 and say which port it got, so it starts on a candidate port and on another when
/// that one was taken meanwhile.
/// </summary>
public static class LoopbackListener
{
    /// <summary>A started listener for http://127.0.0.1:PORT<paramref name="path"/>, and its port.</summary>
    public static (HttpListener Listener, int Port) Start(string path) =>
        PortConflicts.Retry(port =>
        {
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}{path}");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException e)
            {
                listener.Close();
                throw new PortInUseException($"127.0.0.1:{port}: {e.Message}");
            }
        });
}
