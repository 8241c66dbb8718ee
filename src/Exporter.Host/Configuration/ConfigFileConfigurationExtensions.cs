using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Exporter.Host.Configuration;

/// <summary>Adds the YAML file of <c>--config.file</c> (configuration key <c>Exporter:ConfigFile</c>) to the host's configuration.</summary>
internal static class ConfigFileConfigurationExtensions
{
    public const string Key = $"{YamlConfigFile.Root}:ConfigFile";

    /// <summary>
    /// Adds the file named by the flags, else by the configuration so far (appsettings.json, the
    /// environment), after those sources and before the flags, which the caller adds last. Throws
    /// <see cref="ConfigFileException"/> when the file cannot be read or holds a mistake.
    /// </summary>
    public static void AddExporterConfigFile(this ConfigurationManager configuration, IReadOnlyDictionary<string, string?> flags)
    {
        var path = flags.TryGetValue(Key, out var flag) ? flag : configuration[Key];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        // Lists continue after the items configured elsewhere (Exporter__Databases__Redis__0__Name=...,
        // --push.url=...), so a receiver from the file never takes over the URL or the credentials of another.
        var flagConfiguration = new ConfigurationBuilder().AddInMemoryCollection(flags).Build();
        var firstIndex = ConfigFileSchema.ListPaths.ToDictionary(
            list => list,
            list => Math.Max(NextIndex(configuration, list), NextIndex(flagConfiguration, list)),
            StringComparer.OrdinalIgnoreCase);
        ((IConfigurationBuilder)configuration).Add(new YamlConfigFileSource(path, firstIndex));
    }

    private static int NextIndex(IConfiguration configuration, string listPath) =>
        configuration.GetSection($"{YamlConfigFile.Root}:{listPath}").GetChildren()
            .Select(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i + 1 : 0)
            .DefaultIfEmpty(0).Max();
}
