namespace Exporter.TestSupport;

/// <summary>Where things are in the repository, found from the test binary's location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The built host, Exporter.Host.dll, next to the test binaries' build.</summary>
    public static string HostDll { get; } = FindHostDll();

    public static string Combine(params string[] parts) => Path.Join([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Join(dir.FullName, "Exporter.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Exporter.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindHostDll()
    {
        // Test projects reference the host, so its dll is copied beside the test assembly.
        var local = Path.Join(AppContext.BaseDirectory, "Exporter.Host.dll");
        return File.Exists(local) ? local : throw new InvalidOperationException("Exporter.Host.dll not found in " + AppContext.BaseDirectory);
    }
}
