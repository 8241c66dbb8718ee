using Exporter.Core.Exposition;
using Exporter.Host.Web;
using Exporter.TestSupport.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Exporter.Core.Tests.Host.Web;

/// <summary>Reload on change, on a fake clock; file changes get distinct modification times so no test depends on timestamp granularity.</summary>
public sealed class WebConfigReloaderTests : IDisposable
{
    private static readonly string Alice = BCrypt.Net.BCrypt.HashPassword("alice-pw", 4);
    private static readonly string Bob = BCrypt.Net.BCrypt.HashPassword("bob-pw", 4);
    private readonly string _dir = Directory.CreateTempSubdirectory("webconfig-reload-").FullName;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly FakeLogger<WebConfigReloader> _logger = new();
    private readonly TestPki _pki = new();
    private DateTime _mtime = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private string File_ => Path.Join(_dir, "web.yml");

    public void Dispose()
    {
        _pki.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void An_unchanged_file_is_not_read_again()
    {
        var reloader = Start($"basic_auth_users:\n  alice: '{Alice}'\n");
        var first = reloader.Current;

        reloader.Current.Should().BeSameAs(first);
        _logger.Collector.Count.Should().Be(0);
    }

    [Fact]
    public void Changed_users_apply_to_the_next_request()
    {
        var reloader = Start($"basic_auth_users:\n  alice: '{Alice}'\n");
        _time.Advance(TimeSpan.FromMinutes(1));

        Write(File_, $"basic_auth_users:\n  bob: '{Bob}'\n");

        reloader.Current.Config.Users.Keys.Should().Equal("bob");
        reloader.LastReloadSuccessful.Should().BeTrue();
        reloader.LastSuccess.Should().Be(_time.GetUtcNow());
        _logger.LatestRecord.Level.Should().Be(LogLevel.Information);
    }

    [Fact]
    public void A_renewed_certificate_applies_to_the_next_handshake()
    {
        var first = _pki.Server(notAfter: DateTimeOffset.UtcNow.AddDays(3));
        first.WriteTo(_dir, "server");
        var reloader = Start("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n");
        var before = reloader.Current.Tls!.NotAfter;

        var renewed = _pki.Server(notAfter: DateTimeOffset.UtcNow.AddDays(90));
        Write(Path.Join(_dir, "server.crt"), renewed.CertPem);
        Write(Path.Join(_dir, "server.key"), renewed.KeyPem);

        reloader.Current.Tls!.NotAfter.Should().BeAfter(before.AddDays(80));
        reloader.LastReloadSuccessful.Should().BeTrue();
    }

    [Fact]
    public void A_broken_file_keeps_the_last_good_configuration_and_is_logged_once()
    {
        var reloader = Start($"basic_auth_users:\n  alice: '{Alice}'\n");
        var good = reloader.Current;
        var successAt = reloader.LastSuccess;
        _time.Advance(TimeSpan.FromMinutes(1));

        Write(File_, "basic_auth_users:\n  alice: $2y$10$hunter2-is-not-a-hash\n");
        for (var i = 0; i < 10; i++)
        {
            reloader.Current.Should().BeSameAs(good);
            _time.Advance(WebConfigReloader.RetryInterval);
        }

        reloader.LastReloadSuccessful.Should().BeFalse();
        reloader.LastSuccess.Should().Be(successAt);
        var errors = _logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Error).ToList();
        errors.Should().ContainSingle().Which.Message.Should().Contain("basic_auth_users.alice").And.NotContain("hunter2");

        Write(File_, $"basic_auth_users:\n  bob: '{Bob}'\n");
        reloader.Current.Config.Users.Keys.Should().Equal("bob");
        reloader.LastReloadSuccessful.Should().BeTrue();
    }

    [Fact]
    public void A_certificate_that_appears_after_the_file_naming_it_is_picked_up_on_retry()
    {
        _pki.Server().WriteTo(_dir, "old");
        var reloader = Start("tls_server_config:\n  cert_file: old.crt\n  key_file: old.key\n");

        Write(File_, "tls_server_config:\n  cert_file: new.crt\n  key_file: new.key\n");
        reloader.Current.Config.Tls!.CertFile.Should().EndWith("old.crt");
        reloader.LastReloadSuccessful.Should().BeFalse();

        _pki.Server().WriteTo(_dir, "new");
        reloader.Current.Config.Tls!.CertFile.Should().EndWith("old.crt", "the broken version is not re-read on every request");
        _time.Advance(WebConfigReloader.RetryInterval);

        reloader.Current.Config.Tls!.CertFile.Should().EndWith("new.crt");
        reloader.LastReloadSuccessful.Should().BeTrue();
    }

    [Fact]
    public void Turning_TLS_off_needs_a_restart()
    {
        _pki.Server().WriteTo(_dir, "server");
        var reloader = Start("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n");

        Write(File_, $"basic_auth_users:\n  alice: '{Alice}'\n");

        reloader.Current.Tls.Should().NotBeNull();
        reloader.LastReloadSuccessful.Should().BeFalse();
        _logger.LatestRecord.Message.Should().Contain("TLS was turned off; that needs a restart");
    }

    [Fact]
    public async Task The_collector_reports_the_last_reload()
    {
        var reloader = Start($"basic_auth_users:\n  alice: '{Alice}'\n");
        var collector = new WebConfigCollector(reloader);
        Write(File_, "basic_auth_users: [broken]\n");

        var sink = new MetricSink();
        await collector.CollectAsync(sink, CancellationToken.None);

        var values = sink.Families.ToDictionary(f => f.Descriptor.Name, f => f.Samples.Single().Value);
        values["exporter_web_config_last_reload_successful"].Should().Be(0);
        values["exporter_web_config_last_reload_success_timestamp_seconds"].Should().Be(_time.GetUtcNow().ToUnixTimeSeconds());
    }

    private WebConfigReloader Start(string yaml)
    {
        Write(File_, yaml);
        return new WebConfigReloader(File_, WebConfigSnapshot.Load(File_), _logger, _time);
    }

    private void Write(string path, string text)
    {
        File.WriteAllText(path, text);
        _mtime = _mtime.AddSeconds(1);
        File.SetLastWriteTimeUtc(path, _mtime);
    }
}
