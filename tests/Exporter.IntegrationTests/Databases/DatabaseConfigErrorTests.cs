using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Databases;

/// <summary>A database configuration that cannot work stops the host at start-up: exit code 2 and a clear message.</summary>
public sealed class DatabaseConfigErrorTests : IDisposable
{
    private const string Secret = "Never-Shown-4711";
    private readonly string _directory = Directory.CreateTempSubdirectory("exporter-dbconf-").FullName;

    public static TheoryData<string, string> Cases => new()
    {
        { "redis:\n  - name: a\n    passwd: x\n", "line 3, column 5: Property 'passwd' not found" },
        { "redis: [\n", "line 2, column 1: While parsing a node" },
        { $"postgres:\n  - user: u\n    password: {Secret}\n", "postgres target 1: name is required" },
        { $"redis:\n  - name: a\n    password: {Secret}\n  - name: a\n", "redis target 'a': the name is used twice" },
        { "redis:\n  - name: a\n    password_file: /nonexistent/secret\n", "redis target 'a': password_file /nonexistent/secret does not exist" },
        { $"redis:\n  - name: a\n    port: {Secret}\n", "line 3, column 11: redis[0].port: the value has the wrong type for this setting" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_config_file_stops_the_host(string yaml, string message)
    {
        var file = Path.Join(_directory, "databases.yml");
        File.WriteAllText(file, yaml);

        var output = RunHost($"--config.file={file}");

        output.Should().Contain($"exporter: error: config file {file}: {message}".Replace($"config file {file}: redis target", "redis target", StringComparison.Ordinal)
            .Replace($"config file {file}: postgres target", "postgres target", StringComparison.Ordinal));
        output.Should().NotContain(Secret);
    }

    [Fact]
    public void Missing_config_file_stops_the_host()
    {
        var output = RunHost("--config.file=/nonexistent/databases.yml");

        output.Should().Contain("exporter: error: config file /nonexistent/databases.yml: no such file");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string RunHost(params string[] flags)
    {
        using var host = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments(["--web.listen-address=127.0.0.1:0", .. flags]));
        host.WaitForExit(TimeSpan.FromSeconds(60)).Should().BeTrue("the host stops at once");
        host.ExitCode.Should().Be(2, host.Output);
        return host.Output;
    }
}
