using Microsoft.Extensions.Configuration;

namespace Exporter.Host.Configuration;

/// <summary>
/// The YAML file of <c>--config.file</c> as a configuration source: its settings sit beside
/// appsettings.json and the environment, under <c>Exporter</c>. <paramref name="FirstIndex"/> says
/// where each list continues, so targets from the file join those configured elsewhere.
/// </summary>
internal sealed record YamlConfigFileSource(string Path, IReadOnlyDictionary<string, int> FirstIndex) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlConfigFileProvider(this);
}

/// <summary>Reads the file when the configuration is built; a file that cannot be used throws <see cref="ConfigFileException"/>.</summary>
internal sealed class YamlConfigFileProvider(YamlConfigFileSource source) : ConfigurationProvider
{
    public override void Load()
    {
        string text;
        try
        {
            text = File.ReadAllText(source.Path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Error(["no such file"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error([e.Message]);
        }

        try
        {
            Data = YamlConfigFile.Parse(text, path => source.FirstIndex.GetValueOrDefault(path));
        }
        catch (ConfigFileException e)
        {
            throw Error(e.Errors);
        }
    }

    private ConfigFileException Error(IEnumerable<string> errors) => new([.. errors.Select(e => $"config file {source.Path}: {e}")]);
}
