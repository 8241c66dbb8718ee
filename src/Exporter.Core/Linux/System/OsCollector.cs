using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_os_info and node_os_version from the host's os-release: &lt;rootfs&gt;/etc/os-release, or
/// &lt;rootfs&gt;/usr/lib/os-release when the former is missing (os-release(5)).
/// </summary>
internal sealed class OsCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor Info = new(
        "node_os_info",
        "A metric with a constant '1' value labeled by build_id, id, id_like, image_id, image_version, name, pretty_name, variant, variant_id, version, version_codename, version_id.",
        MetricType.Gauge,
        "build_id", "id", "id_like", "image_id", "image_version", "name", "pretty_name", "variant", "variant_id", "version", "version_codename", "version_id");

    private static readonly MetricDescriptor Version = new(
        "node_os_version", "Metric containing the major.minor part of the OS version.", MetricType.Gauge, "id", "id_like", "name");

    public string Name => "os";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.TryRead(paths.Root("/etc/os-release"))
            ?? ProcFile.TryRead(paths.Root("/usr/lib/os-release"));
        if (text is null)
        {
            return Task.CompletedTask;
        }

        var os = OsReleaseParser.Parse(text);
        string Get(string key) => os.TryGetValue(key, out var value) ? value : string.Empty;

        sink.Add(Info, 1,
            Get("BUILD_ID"), Get("ID"), Get("ID_LIKE"), Get("IMAGE_ID"), Get("IMAGE_VERSION"), Get("NAME"), Get("PRETTY_NAME"),
            Get("VARIANT"), Get("VARIANT_ID"), Get("VERSION"), Get("VERSION_CODENAME"), Get("VERSION_ID"));

        var version = OsReleaseParser.MajorMinor(Get("VERSION_ID"));
        if (version > 0)
        {
            sink.Add(Version, version, Get("ID"), Get("ID_LIKE"), Get("NAME"));
        }

        return Task.CompletedTask;
    }
}
