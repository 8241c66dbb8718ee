using System.Reflection;

namespace Exporter.Host;

/// <summary>The exporter's version, from the assembly's informational version (without the commit suffix).</summary>
internal static class HostVersion
{
    public static string Text { get; } =
        typeof(HostVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
}
