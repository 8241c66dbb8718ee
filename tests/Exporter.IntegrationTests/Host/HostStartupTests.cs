using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Host;

/// <summary>
/// A bad command line is a clear message and exit code 2, before anything listens. The host is
/// given a port this test holds (bound, not listening): had it tried to listen there it would have
/// failed with exit code 1, and a host that listened logs "Now listening on" (the good start below
/// shows it does).
/// </summary>
public sealed class HostStartupTests
{
    private const string Listening = "Now listening on";

    [Theory]
    [InlineData("--no-such-flag", "unknown flag --no-such-flag")]
    [InlineData("--collector.no_such_collector", "unknown collector 'no_such_collector'")]
    [InlineData("--collector.timeout=soon", "flag --collector.timeout takes a positive duration")]
    [InlineData("--collector.timeout=-1s", "flag --collector.timeout takes a positive duration")]
    [InlineData("--web.telemetry-path=metrics", "must start with /")]
    public void Bad_flag_exits_2_with_a_message_and_listens_nowhere(string flag, string message)
    {
        using var port = new HeldPort();
        using var host = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments($"--web.listen-address=127.0.0.1:{port.Port}", flag));

        host.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue("a bad flag stops the host at once");

        host.ExitCode.Should().Be(2);
        host.StandardError.Should().Contain(message);
        host.Output.Should().NotContain(Listening, "nothing may listen after a failed start");
    }

    [Theory]
    [InlineData("Exporter__netstat__NoSuchOption", "x", "NoSuchOption")]
    [InlineData("Exporter__CollectorTimeout", "soon", "Exporter:CollectorTimeout")]
    [InlineData("Exporter__Collectors__no_such_collector", "true", "unknown collector 'no_such_collector'")]
    [InlineData("Exporter__vmstat__Fields", "(unclosed", "vmstat")]
    public void Bad_setting_in_the_environment_exits_2_with_a_message(string key, string value, string message)
    {
        using var port = new HeldPort();
        using var host = new ExternalProcess(
            RepoPaths.HostFileName, RepoPaths.HostArguments($"--web.listen-address=127.0.0.1:{port.Port}"), environment: new Dictionary<string, string> { [key] = value });

        host.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue("a bad setting stops the host at start-up");

        host.ExitCode.Should().Be(2, host.Output);
        host.StandardError.Should().Contain("exporter: error:").And.Contain(message);
        host.Output.Should().NotContain(Listening, "nothing may listen after a failed start");
    }

    [Fact]
    public void A_value_that_does_not_convert_is_not_echoed()
    {
        // A password typed into the wrong key must not end up in the log.
        using var host = new ExternalProcess(
            RepoPaths.HostFileName, RepoPaths.HostArguments("--web.listen-address=127.0.0.1:0"),
            environment: new Dictionary<string, string> { ["Exporter__CollectorTimeout"] = "hunter2-password" });

        host.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue();

        host.ExitCode.Should().Be(2);
        host.StandardError.Should().Contain("Exporter:CollectorTimeout");
        host.Output.Should().NotContain("hunter2-password");
    }

    [Fact]
    public async Task Collectors_are_built_and_logged_before_the_first_scrape()
    {
        // Only /-/ready has been asked for: the scraper must have been built at start-up.
        using var host = await HostProcess.StartAsync("--collector.disable-defaults", "--collector.loadavg");
        (await host.WaitForOutputAsync("Enabled collectors:")).Should().Contain("Enabled collectors: loadavg");
        host.Output.Should().Contain($"{Listening}: http://127.0.0.1:{host.Port}", "a host that listens says so (the failed starts above must not)");
    }

    [Fact]
    public void An_address_in_use_exits_1_with_the_address()
    {
        using var port = new HeldPort();
        using var host = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments($"--web.listen-address=127.0.0.1:{port.Port}"));

        host.WaitForExit(TimeSpan.FromSeconds(60)).Should().BeTrue("a host that cannot listen stops");

        host.ExitCode.Should().Be(1, host.Output);
        host.StandardError.Should().Contain($"exporter: error: cannot listen on 127.0.0.1:{port.Port}");
    }

    [Fact]
    public void Help_exits_0_and_lists_the_flags()
    {
        using var host = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments("--help"));

        host.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue();

        host.ExitCode.Should().Be(0);
        host.Output.Should().Contain("--web.listen-address").And.Contain("--collector.disable-defaults");
    }
}
