using Exporter.Docker;

namespace Exporter.Docker.Tests;

public sealed class DockerEndpointTests
{
    [Theory]
    [InlineData("unix:///run/a.sock", "tcp://x:1", "unix:///run/a.sock")]
    [InlineData(null, "tcp://x:1", "tcp://x:1")]
    [InlineData("", "", "unix:///var/run/docker.sock")]
    [InlineData(null, null, "unix:///var/run/docker.sock")]
    public void The_configured_host_wins_over_DOCKER_HOST_which_wins_over_the_default(string? configured, string? variable, string expected)
    {
        DockerEndpoint.ChooseHost(configured, variable).Should().Be(expected);
    }

    [Fact]
    public void A_unix_socket_is_reached_through_a_placeholder_http_host()
    {
        var endpoint = DockerEndpoint.Parse("unix:///var/run/docker.sock", tls: false);

        endpoint.SocketPath.Should().Be("/var/run/docker.sock");
        endpoint.BaseAddress.Should().Be(new Uri("http://localhost/"));
        endpoint.Tls.Should().BeFalse();
    }

    [Theory]
    [InlineData("tcp://10.0.0.5:2375", false, "http://10.0.0.5:2375/")]
    [InlineData("tcp://docker.internal", false, "http://docker.internal:2375/")]
    [InlineData("tcp://docker.internal", true, "https://docker.internal:2376/")]
    [InlineData("tcp://docker.internal:9999/", true, "https://docker.internal:9999/")]
    [InlineData("https://docker.internal:2376", false, "https://docker.internal:2376/")]
    public void Tcp_is_http_or_with_tls_https_on_the_engines_conventional_ports(string host, bool tls, string expected)
    {
        var endpoint = DockerEndpoint.Parse(host, tls);

        endpoint.SocketPath.Should().BeNull();
        endpoint.BaseAddress.Should().Be(new Uri(expected));
        endpoint.Tls.Should().Be(expected.StartsWith("https", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unix://relative.sock")]
    [InlineData("unix://")]
    [InlineData("ssh://me@host")]
    [InlineData("/var/run/docker.sock")]
    [InlineData("tcp://")]
    [InlineData("tcp://host:2375/some/path")]
    public void Rejects_what_is_not_a_usable_engine_address(string host)
    {
        var act = () => DockerEndpoint.Parse(host, tls: false);
        act.Should().Throw<FormatException>().WithMessage($"docker: host '{host}'*");
    }

    [Theory]
    [InlineData("app", "container_label_app")]
    [InlineData("com.docker.compose.service", "container_label_com_docker_compose_service")]
    [InlineData("org.opencontainers.image-version", "container_label_org_opencontainers_image_version")]
    public void Allow_listed_labels_get_cadvisors_names(string key, string expected)
    {
        DockerDescriptors.LabelName(key).Should().Be(expected);
    }
}
