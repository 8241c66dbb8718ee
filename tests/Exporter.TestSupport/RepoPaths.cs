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

    /// <summary>
    /// A copy of the host (its build beside the tests, or the published binary's directory) in a
    /// new directory under /tmp that every user may read and run, for tests that run the host as
    /// an unprivileged user: a clone under a private directory (mode 0700, as /root is) is out of
    /// that user's reach. Returns the program and arguments to start it; the caller deletes
    /// <paramref name="directory"/>'s contents with it.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static (string FileName, string[] Arguments) ReadableHostCopy(DirectoryInfo directory, params string[] flags)
    {
        const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode Runnable = Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        directory.UnixFileMode = Runnable;
        var published = HostFileName != "dotnet";
        var source = Path.GetDirectoryName(published ? HostFileName : HostDll)!;

        // The top level holds everything the host loads (the satellite folders are resources only).
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var copy = Path.Join(directory.FullName, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, File.GetUnixFileMode(file).HasFlag(UnixFileMode.UserExecute) ? Runnable : Readable);
        }

        return published
            ? (Path.Join(directory.FullName, Path.GetFileName(HostFileName)), flags)
            : ("dotnet", [Path.Join(directory.FullName, Path.GetFileName(HostDll)), .. flags]);
    }

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
