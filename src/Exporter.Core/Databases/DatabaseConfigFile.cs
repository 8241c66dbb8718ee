using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Exporter.Core.Databases;

/// <summary>
/// Reads the YAML file of <c>--config.file</c>: top-level lists <c>postgres:</c>, <c>redis:</c> and
/// <c>mongodb:</c>, keys in snake_case (<c>password_file</c>). Unknown keys are errors, so a
/// typo never silently drops a setting. Pure over the text, apart from <see cref="Load"/>.
/// </summary>
public static class DatabaseConfigFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new DurationYamlConverter())
        .Build();

    /// <summary>Parses the file's text; throws <see cref="FormatException"/> saying where it is wrong.</summary>
    public static DatabaseOptions Parse(string yaml)
    {
        try
        {
            return Deserializer.Deserialize<DatabaseOptions?>(yaml) ?? new DatabaseOptions();
        }
        catch (YamlException e)
        {
            // The innermost YAML error says what is wrong ("Property 'passwd' not found on type ..."),
            // the outer one where. A conversion error (a word where a number belongs) would quote the
            // value, which may be a misplaced secret: it is described without it.
            var inner = e;
            while (inner.InnerException is YamlException next)
            {
                inner = next;
            }

            var what = inner.InnerException is null
                ? inner.Message.Split(" on type ", 2)[0]
                : "the value has the wrong type for this setting";
            throw new FormatException($"line {e.Start.Line}, column {e.Start.Column}: {what}", e);
        }
    }

    /// <summary>Reads and parses <paramref name="path"/>, adding its targets to <paramref name="options"/>.</summary>
    internal static void Load(string path, DatabaseOptions options)
    {
        try
        {
            var file = Parse(File.ReadAllText(path));
            options.Postgres.AddRange(file.Postgres);
            options.Redis.AddRange(file.Redis);
            options.MongoDb.AddRange(file.MongoDb);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            options.LoadErrors.Add($"config file {path}: no such file");
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            options.LoadErrors.Add($"config file {path}: {e.Message}");
        }
    }
}
