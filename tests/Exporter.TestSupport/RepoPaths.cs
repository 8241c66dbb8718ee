namespace Exporter.TestSupport;

/// <summary>Where things are in the repository, found from the test binary's location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The built host, Exporter.Host.dll, next to the test binaries' build.</summary>
    public static string HostDll => FindHostDll();

    /// <summary>
    /// The program that runs the host: <c>dotnet</c> with <see cref="HostDll"/>, or the published
    /// executable named by EXPORTER_HOST_BINARY, so the same tests can check a trimmed,
    /// self-contained build (scripts/test.sh does).
    /// </summary>
    public static string HostFileName { get; } = Environment.GetEnvironmentVariable("EXPORTER_HOST_BINARY") is { Length: > 0 } binary ? binary : "dotnet";

    /// <summary>The arguments for <see cref="HostFileName"/>: the dll first when run through dotnet.</summary>
    public static string[] HostArguments(params string[] flags) => HostFileName == "dotnet" ? [HostDll, .. flags] : flags;

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
