namespace Exporter.Core;

/// <summary>
/// The one place host paths come from. Collectors never hard-code /proc or /sys: tests point these
/// at fixture trees, and a container points them at the host's file systems mounted read-only.
/// </summary>
public sealed class HostPaths(string procfs, string sysfs, string rootfs)
{
    public HostPaths(PathOptions options)
        : this(options.Procfs, options.Sysfs, options.Rootfs)
    {
    }

    public string Procfs { get; } = procfs;

    public string Sysfs { get; } = sysfs;

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
