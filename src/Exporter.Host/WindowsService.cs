namespace Exporter.Host;

/// <summary>
/// Running as a Windows service (sc.exe create, docs/host-extras.md). Only the Windows build
/// (dotnet publish -r win-x64) carries the support, Microsoft.Extensions.Hosting.WindowsServices;
/// on every other build, and on Windows when started from a console, these do nothing.
/// </summary>
internal static class WindowsService
{
    /// <summary>
    /// Under the service control manager: reports start and stop to it (without that it kills the
    /// process after 30 s) and logs to the Windows event log as well.
    /// </summary>
    public static void AddWhenRunningAsService(IServiceCollection services)
    {
#if WINDOWS_SERVICE
        services.AddWindowsService(o => o.ServiceName = "exporter");
#else
        _ = services;
#endif
    }
}
