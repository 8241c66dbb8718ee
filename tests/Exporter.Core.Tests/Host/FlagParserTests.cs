using Exporter.Host;

namespace Exporter.Core.Tests.Host;

public sealed class FlagParserTests
{
    private static readonly string[] Collectors = ["cpu", "filesystem", "loadavg"];

    [Fact]
    public void Maps_node_exporter_flags_to_configuration_keys()
    {
        var result = FlagParser.Parse(
            ["--web.listen-address=:9900", "--path.procfs", "/host/proc", "--collector.disable-defaults", "--collector.cpu",
             "--no-collector.loadavg", "--collector.timeout=1.5s", "--log.level=debug",
             "--collector.filesystem.mount-points-exclude=^/dev", "--collector.filesystem.mount-timeout=2s", "--collector.cpu.info.flags-include=^avx"],
            Collectors);

        result.Error.Should().BeNull();
        result.Settings.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["Exporter:Web:ListenAddress"] = ":9900",
            ["Exporter:Path:Procfs"] = "/host/proc",
            ["Exporter:DisableDefaultCollectors"] = "true",
            ["Exporter:Collectors:cpu"] = "true",
            ["Exporter:Collectors:loadavg"] = "false",
            ["Exporter:CollectorTimeout"] = "00:00:01.5000000",
            ["Logging:LogLevel:Default"] = "Debug",
            ["Exporter:filesystem:mountpointsexclude"] = "^/dev",
            ["Exporter:cpu:infoflagsinclude"] = "^avx",
            ["Exporter:filesystem:mounttimeout"] = "00:00:02",
        });
    }

    [Fact]
    public void A_collector_sub_flag_without_a_value_is_a_boolean_switch()
    {
        var result = FlagParser.Parse(["--collector.cpu.info", "--collector.filesystem.fs-types-exclude", "^tmpfs$", "--collector.cpu.guest"], Collectors);

        result.Error.Should().BeNull();
        result.Settings.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["Exporter:cpu:info"] = "true",
            ["Exporter:filesystem:fstypesexclude"] = "^tmpfs$",
            ["Exporter:cpu:guest"] = "true",
        });
    }

    [Theory]
    [InlineData("--nope", "unknown flag --nope")]
    [InlineData("--collector.nope", "unknown collector 'nope'*")]
    [InlineData("--collector.nope.option=1", "unknown flag --collector.nope.option*")]
    [InlineData("--collector.cpu=maybe", "*takes true or false*")]
    [InlineData("--collector.timeout=0s", "*positive duration*")]
    [InlineData("--collector.timeout=5", "*positive duration*")]
    [InlineData("--collector.filesystem.mount-timeout=5", "*positive duration*")]
    [InlineData("--log.level=loud", "*debug, info, warn or error*")]
    [InlineData("--web.listen-address", "flag --web.listen-address needs a value")]
    [InlineData("stray", "unexpected argument 'stray'")]
    public void Rejects_bad_flags_with_a_clear_message(string arg, string message)
    {
        FlagParser.Parse([arg], Collectors).Error.Should().Match(message);
    }

    [Fact]
    public void A_collector_timeout_flag_takes_a_go_duration()
    {
        var result = FlagParser.Parse(["--collector.filesystem.stat-timeout=2500ms", "--collector.filesystem.labels=a,b"], Collectors);

        result.Error.Should().BeNull();
        result.Settings["Exporter:filesystem:stattimeout"].Should().Be("00:00:02.5000000");
        result.Settings["Exporter:filesystem:labels"].Should().Be("a,b");
    }

    [Fact]
    public void Recognises_help_and_version()
    {
        FlagParser.Parse(["--help"], Collectors).Help.Should().BeTrue();
        FlagParser.Parse(["--version"], Collectors).Version.Should().BeTrue();
    }

    [Theory]
    [InlineData(":9800", null, false, 9800)]
    [InlineData("127.0.0.1:9800", "127.0.0.1", false, 9800)]
    [InlineData("[::1]:9801", "::1", false, 9801)]
    [InlineData("localhost:80", null, true, 80)]
    public void Parses_listen_addresses(string value, string? address, bool localhost, int port)
    {
        var parsed = WebOptions.ParseListenAddress(value);
        (parsed.Address?.ToString()).Should().Be(address);
        parsed.Localhost.Should().Be(localhost);
        parsed.Port.Should().Be(port);
    }

    [Theory]
    [InlineData("9800")]
    [InlineData(":http")]
    [InlineData("example.org:9800")]
    [InlineData(":70000")]
    public void Rejects_bad_listen_addresses(string value)
    {
        ((Action)(() => WebOptions.ParseListenAddress(value))).Should().Throw<FormatException>();
    }

    [Fact]
    public void Web_config_file_maps_to_its_setting()
    {
        var result = FlagParser.Parse(["--web.config.file=/etc/exporter/web.yml"], Collectors);

        result.Settings.Should().Contain("Exporter:Web:ConfigFile", "/etc/exporter/web.yml");
    }
}
