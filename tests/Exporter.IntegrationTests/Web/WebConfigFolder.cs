using Exporter.TestSupport.Web;

namespace Exporter.IntegrationTests.Web;

/// <summary>A temporary folder with a CA and a server certificate (server.crt, server.key, ca.crt) for a web config.</summary>
internal sealed class WebConfigFolder : IDisposable
{
    public WebConfigFolder()
    {
        Server = Pki.Server();
        Server.WriteTo(Dir, "server");
        File.WriteAllText(Path.Join(Dir, "ca.crt"), Pki.CaPem);
    }

    public string Dir { get; } = Directory.CreateTempSubdirectory("exporter-webconfig-").FullName;

    public TestPki Pki { get; } = new();

    public TestPki.Issued Server { get; }

    public const string Tls = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n";

    public void Dispose()
    {
        Pki.Dispose();
        Directory.Delete(Dir, recursive: true);
    }
}
