using System.Diagnostics;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Packaging;

/// <summary>
/// The .deb as a user installs it: built by scripts/build-deb.sh from the native build, installed
/// with dpkg -i into this machine's root (maintainer scripts included), its systemd unit checked by
/// systemd-analyze verify where it was installed, the installed /usr/bin/exporter started on a free
/// port and scraped, then purged. Packages the binary EXPORTER_HOST_BINARY names (scripts/test.sh
/// runs these tests against the native build); without it, build-deb.sh publishes one.
/// </summary>
public sealed class DebPackageTests
{
    [Fact]
    public async Task The_package_installs_its_unit_serves_metrics_and_purges_cleanly()
    {
        var dpkg = Tools.Require("dpkg");
        var analyze = Tools.Require("systemd-analyze");
        var output = Directory.CreateTempSubdirectory("exporter-deb-");
        try
        {
            var published = Environment.GetEnvironmentVariable("EXPORTER_HOST_BINARY") is { Length: > 0 } binary ? Path.GetDirectoryName(binary)! : null;
            var deb = Run("bash", [RepoPaths.Combine("scripts", "build-deb.sh"), output.FullName], published is null ? [] : [("EXPORTER_PUBLISHED", published)]).Trim().Split('\n')[^1];
            File.Exists(deb).Should().BeTrue(deb);

            Run(dpkg, ["-i", deb]);
            try
            {
                File.Exists("/usr/lib/exporter/Exporter.Host").Should().BeTrue();
                File.Exists("/usr/share/man/man1/exporter.1.gz").Should().BeTrue();
                File.ReadAllText("/etc/default/exporter").Should().Contain("ARGS=");

                // The installed unit, with its binary and man page in place: verify fails on a
                // missing ExecStart binary or an unknown or misspelt setting.
                Run(analyze, ["verify", "/lib/systemd/system/exporter.service"]);

                // The installed binary, started as the unit starts it (from /), answers a scrape.
                using var host = new ExternalProcess("/usr/bin/exporter", ["--web.listen-address=127.0.0.1:0", "--log.level=info"], workingDirectory: "/");
                var port = await ListeningPortAsync(host);
                using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                var metrics = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
                metrics.Should().Contain("node_load1 ").And.Contain("node_scrape_collector_success{collector=\"cpu\"} 1");
                host.Output.Should().NotContain("Request starting", "appsettings.json beside the binary keeps request logs at warning");
            }
            finally
            {
                Run(dpkg, ["--purge", "exporter"]);
            }

            File.Exists("/usr/bin/exporter").Should().BeFalse("purge removes the binary");
            File.Exists("/etc/default/exporter").Should().BeFalse("purge removes the conffile");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    // Kestrel logs the address it bound (port 0 means "any free one").
    private static async Task<int> ListeningPortAsync(ExternalProcess host)
    {
        var line = (await host.WaitForOutputAsync("Now listening on: http://127.0.0.1:")).Split('\n').First(l => l.Contains("Now listening on", StringComparison.Ordinal));
        return int.Parse(line[(line.LastIndexOf(':') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Run(string fileName, string[] arguments, (string Name, string Value)[]? environment = null)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? [])
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{fileName} {string.Join(' ', arguments)} failed: {stdout}{stderr.Result}");
        return stdout;
    }
}
