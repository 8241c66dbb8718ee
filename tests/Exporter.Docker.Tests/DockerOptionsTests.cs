using Exporter.Docker;

namespace Exporter.Docker.Tests;

/// <summary>Without settings, the engine is found as the docker CLI finds it: DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH.</summary>
public sealed class DockerOptionsTests
{
    [Fact]
    public void The_clis_environment_variables_are_the_defaults()
    {
        var environment = Environment(("DOCKER_HOST", "tcp://docker.internal"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", "/home/me/.docker"));
        var options = new DockerOptions();

        options.Endpoint(environment).Should().Be(new DockerEndpoint(null, new Uri("https://docker.internal:2376/"), Tls: true));
        options.CertPath(environment).Should().Be("/home/me/.docker");
    }

    [Fact]
    public void Without_DOCKER_TLS_VERIFY_tcp_is_plain_http()
    {
        var endpoint = new DockerOptions().Endpoint(Environment(("DOCKER_HOST", "tcp://docker.internal")));

        endpoint.Should().Be(new DockerEndpoint(null, new Uri("http://docker.internal:2375/"), Tls: false));
    }

    [Fact]
    public void Nothing_set_is_the_default_socket()
    {
        new DockerOptions().Endpoint(Environment()).SocketPath.Should().Be("/var/run/docker.sock");
        new DockerOptions().CertPath(Environment()).Should().BeNull();
    }

    [Fact]
    public void Settings_win_over_the_environment()
    {
        var environment = Environment(("DOCKER_HOST", "tcp://docker.internal"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", "/home/me/.docker"));
        var options = new DockerOptions { Host = "tcp://10.0.0.5:2375", Tls = false, TlsCertPath = "/etc/exporter/docker" };

        options.Endpoint(environment).Should().Be(new DockerEndpoint(null, new Uri("http://10.0.0.5:2375/"), Tls: false));
        options.CertPath(environment).Should().Be("/etc/exporter/docker");
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();
}
