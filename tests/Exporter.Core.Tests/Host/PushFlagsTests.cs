using Exporter.Host;
using Exporter.RemoteWrite.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Tests.Host;

/// <summary>The --push.* flags: repeatable ones become lists and maps, and all of them bind to the push options.</summary>
public sealed class PushFlagsTests
{
    [Fact]
    public void Repeated_urls_labels_and_headers_become_list_items_and_map_entries()
    {
        var result = FlagParser.Parse(
            ["--push.url=http://a:9090/api/v1/write", "--push.url", "https://b/api/v1/push", "--push.interval=5s", "--push.timeout=10s",
             "--push.buffer.path=/var/lib/exporter", "--push.buffer.max-size=1GiB", "--push.label=job=node", "--push.label=instance=",
             "--push.header=X-Scope-OrgID=team-a", "--push.basic-auth.username=u", "--push.basic-auth.password-file=/run/pw",
             "--push.tls.ca-file=/etc/ca.pem", "--push.tls.insecure-skip-verify"],
            []);

        result.Error.Should().BeNull();
        result.Settings.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["Exporter:Push:Receivers:0:Url"] = "http://a:9090/api/v1/write",
            ["Exporter:Push:Receivers:1:Url"] = "https://b/api/v1/push",
            ["Exporter:Push:Interval"] = "00:00:05",
            ["Exporter:Push:Timeout"] = "00:00:10",
            ["Exporter:Push:Buffer:Path"] = "/var/lib/exporter",
            ["Exporter:Push:Buffer:MaxSize"] = "1GiB",
            ["Exporter:Push:Labels:job"] = "node",
            ["Exporter:Push:Labels:instance"] = string.Empty,
            ["Exporter:Push:Headers:X-Scope-OrgID"] = "team-a",
            ["Exporter:Push:BasicAuth:Username"] = "u",
            ["Exporter:Push:BasicAuth:PasswordFile"] = "/run/pw",
            ["Exporter:Push:TlsConfig:CaFile"] = "/etc/ca.pem",
            ["Exporter:Push:TlsConfig:InsecureSkipVerify"] = "true",
        });
    }

    [Theory]
    [InlineData("--push.label=novalue", "flag --push.label takes NAME=VALUE, got 'novalue'")]
    [InlineData("--push.header==x", "flag --push.header takes NAME=VALUE, got '=x'")]
    [InlineData("--push.interval=soon", "flag --push.interval takes a positive duration such as 5s or 500ms, got 'soon'")]
    [InlineData("--push.url=", "flag --push.url needs a value")]
    public void Malformed_push_flags_are_errors(string flag, string error) =>
        FlagParser.Parse([flag], []).Error.Should().Be(error);

    [Fact]
    public void The_flags_settings_bind_to_the_push_options()
    {
        var flags = FlagParser.Parse(
            ["--push.url=http://a:9090/api/v1/write", "--push.url=http://b/api/v1/write", "--push.interval=5s", "--push.buffer.max-size=1GiB",
             "--push.label=dc=fra1", "--push.header=X-Scope-OrgID=team-a", "--push.tls.server-name=prom.internal"],
            []);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(flags.Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPrometheusMetrics(configuration.GetSection("Exporter")).AddRemoteWrite(configuration.GetSection("Exporter:Push"));

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<RemoteWriteOptions>>().Value;

        options.Receivers.Select(r => r.Url).Should().Equal("http://a:9090/api/v1/write", "http://b/api/v1/write");
        options.Interval.Should().Be(TimeSpan.FromSeconds(5));
        options.Timeout.Should().Be(TimeSpan.FromSeconds(30), "the default");
        options.Buffer.MaxSize.Should().Be("1GiB");
        options.Labels.Should().Equal(new Dictionary<string, string> { ["dc"] = "fra1" });
        options.Headers.Should().ContainKey("x-scope-orgid");
        options.TlsConfig!.ServerName.Should().Be("prom.internal");
    }

    [Fact]
    public void A_misspelt_push_setting_is_an_error()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Exporter:Push:Receivers:0:Url"] = "http://a/api/v1/write",
            ["Exporter:Push:Bufer:Path"] = "/tmp/x",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPrometheusMetrics().AddRemoteWrite(configuration.GetSection("Exporter:Push"));

        var resolve = () => services.BuildServiceProvider().GetRequiredService<IOptions<RemoteWriteOptions>>().Value;

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*Bufer*");
    }
}
