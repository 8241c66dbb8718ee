namespace Exporter.Core;

/// <summary>
/// The one place host paths come from. Collectors never hard-code /proc or /sys: tests point these
/// at fixture trees, and a container points them at the host's file systems mounted read-only.
/// One instance is registered in the service provider by <c>AddPrometheusMetrics</c>, from
/// <see cref="PathOptions"/>; a custom collector that reads /proc or /sys can take it from there.
/// </summary>
/// <param name="procfs">procfs mount point, e.g. <c>/proc</c> or <c>/host/proc</c>.</param>
/// <param name="sysfs">sysfs mount point, e.g. <c>/sys</c> or <c>/host/sys</c>.</param>
/// <param name="rootfs">The host's root file system as mounted here, <c>/</c> when not in a container.</param>
public sealed class HostPaths(string procfs, string sysfs, string rootfs)
{
    /// <summary>The paths of the <c>Exporter:Path</c> settings (node_exporter's <c>--path.*</c> flags).</summary>
    public HostPaths(PathOptions options)
        : this(options.Procfs, options.Sysfs, options.Rootfs)
    {
    }

    /// <summary>procfs mount point, as configured.</summary>
    public string Procfs { get; } = procfs;

    /// <summary>sysfs mount point, as configured.</summary>
    public string Sysfs { get; } = sysfs;

    /// <summary>The host's root file system as mounted here; <c>/</c> outside a container.</summary>
    public string Rootfs { get; } = rootfs;

    /// <summary>A path under procfs, e.g. <c>Proc("net", "dev")</c>.</summary>
    public string Proc(params string[] parts) => Path.Join([Procfs, .. parts]);

    /// <summary>A path under sysfs, e.g. <c>Sys("class", "net")</c>.</summary>
    public string Sys(params string[] parts) => Path.Join([Sysfs, .. parts]);

    /// <summary>A host path (e.g. a mount point) as seen from here: under the rootfs prefix.</summary>
    public string Root(string hostPath) => Rootfs == "/" ? hostPath : Path.Join(Rootfs, hostPath);

    /// <summary>
    /// A mount point as the host sees it: with the rootfs prefix removed, so the exporter in a
    /// container with the host's / at /host reports "/" and "/home", not "/host/home".
    /// </summary>
    public string StripRoot(string mountPoint)
    {
        var root = Rootfs.TrimEnd('/');
        if (root.Length == 0 || !mountPoint.StartsWith(root, StringComparison.Ordinal))
        {
            return mountPoint;
        }

        if (mountPoint.Length == root.Length)
        {
            return "/";
        }

        return mountPoint[root.Length] == '/' ? mountPoint[root.Length..] : mountPoint;
    }
}
