using System.Text.RegularExpressions;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// docker-compose.yml validated by docker-compose itself (no registry here, so it cannot be
/// started): valid, every image pinned, every file it mounts from the repository present (each of
/// those is checked by the other tests in this folder), and the exporter's host mounts read-only.
/// </summary>
public sealed partial class ComposeTests
{
    private static readonly string ComposeFile = RepoPaths.Combine("docker-compose.yml");

    [Fact]
    public void Compose_file_is_valid()
    {
        var (exitCode, output) = Cli.Run("docker-compose", "--file", ComposeFile, "config", "--quiet");

        exitCode.Should().Be(0, output);
    }

    [Fact]
    public void Services_are_the_whole_stack_with_pinned_images()
    {
        var services = Yaml.Load(ComposeFile).Map("services");

        services.Keys.Cast<string>().Should().BeEquivalentTo(["exporter", "prometheus", "vm-1m", "vm-5m", "vm-1h", "alertmanager", "grafana"]);
        foreach (var (name, service) in services.Select(s => ((string)s.Key, (Dictionary<object, object>)s.Value)))
        {
            var image = service.Text("image");
            PinnedImage().IsMatch(image).Should().BeTrue($"{name}'s image {image} names a version");
        }
    }

    [Fact]
    public void Mounted_repository_files_exist()
    {
        var mounts = Yaml.Load(ComposeFile).Map("services").Values.Cast<Dictionary<object, object>>()
            .SelectMany(s => s.TryGetValue("volumes", out var v) ? ((List<object>)v).Cast<string>() : [])
            .Where(v => v.StartsWith("./", StringComparison.Ordinal))
            .ToList();

        mounts.Should().HaveCountGreaterThanOrEqualTo(4);
        foreach (var mount in mounts)
        {
            var source = mount.Split(':')[0];
            Directory.Exists(RepoPaths.Combine(source)).Should().BeTrue($"{source} is mounted by docker-compose.yml");
            mount.Should().EndWith(":ro", "configuration is mounted read-only");
        }
    }

    [Fact]
    public void Exporter_reads_the_host_read_only_with_paths_set()
    {
        var exporter = Yaml.Load(ComposeFile).Map("services").Map("exporter");
        var volumes = exporter.List("volumes").Cast<string>().ToList();
        var command = exporter.List("command").Cast<string>().ToList();

        volumes.Should().Contain(["/proc:/host/proc:ro", "/sys:/host/sys:ro", "/:/host/root:ro,rslave", "/var/run/docker.sock:/var/run/docker.sock:ro"]);
        command.Should().Contain(["--path.procfs=/host/proc", "--path.sysfs=/host/sys", "--path.rootfs=/host/root"]);
    }

    [Fact]
    public void Each_tier_store_keeps_its_tier_for_the_seeds_time()
    {
        var services = Yaml.Load(ComposeFile).Map("services");

        Command(services, "prometheus").Should().Contain("--storage.tsdb.retention.time=1d");
        Command(services, "vm-1m").Should().Contain("-retentionPeriod=7d");
        Command(services, "vm-5m").Should().Contain("-retentionPeriod=30d");
        Command(services, "vm-1h").Should().Contain("-retentionPeriod=1y");
    }

    private static List<string> Command(Dictionary<object, object> services, string name) =>
        [.. services.Map(name).List("command").Cast<string>()];

    // A tag with a version number; "latest" or no tag would change under the stack.
    [GeneratedRegex(@"^[a-z0-9./_-]+:v?\d+(\.\d+)+$")]
    private static partial Regex PinnedImage();
}
