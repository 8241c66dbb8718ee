using System.Net.Sockets;
using Exporter.Core.Collection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.Docker.Tests;

/// <summary>The docker collector is on by default exactly when the engine's socket exists at start-up.</summary>
public sealed class DockerRegistrationTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("exporter-dockerreg-");

    private string SocketPath => Path.Join(_dir.FullName, "docker.sock");

    [Theory]
    [InlineData(false, null, false)]
    [InlineData(true, null, true)]
    [InlineData(false, "true", true)]
    [InlineData(true, "false", false)]
    public void Enabled_by_default_only_when_the_socket_exists_unless_a_flag_says_otherwise(bool socketExists, string? flag, bool enabled)
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        if (socketExists)
        {
            listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        }

        EnabledCollectors(("docker:Host", "unix://" + SocketPath), ("Collectors:docker", flag)).Contains("docker").Should().Be(enabled);
    }

    [Fact]
    public void A_configured_tcp_engine_is_enabled_by_default()
    {
        EnabledCollectors(("docker:Host", "tcp://127.0.0.1:1")).Should().Contain("docker");
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static IReadOnlyCollection<string> EnabledCollectors(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Where(s => s.Value is not null).Select(s => KeyValuePair.Create(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPrometheusMetrics(configuration).AddDocker();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<Scraper>().EnabledCollectors;
    }
}
