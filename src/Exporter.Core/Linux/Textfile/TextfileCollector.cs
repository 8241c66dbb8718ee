using System.Text;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;

namespace Exporter.Core.Linux;

/// <summary>
/// node_exporter's textfile collector (collector/textfile.go): exports the metrics of every *.prom
/// file in --collector.textfile.directory (not recursive), as cron jobs and scripts write them.
/// A file that cannot be read or parsed is left out whole and node_textfile_scrape_error is 1; the
/// other files are still exported. Families of the same name in several files are merged when their
/// type and HELP agree; otherwise the later file's family is dropped and reported as an error.
/// </summary>
internal sealed class TextfileCollector(TextfileOptions options, ILogger logger) : IInlineCollector
{
    private static readonly MetricDescriptor MtimeDescriptor = new(
        "node_textfile_mtime_seconds", "Unixtime mtime of textfiles successfully read.", MetricType.Gauge, "file");

    private static readonly MetricDescriptor ErrorDescriptor = new(
        "node_textfile_scrape_error", "1 if there was an error opening or reading a file, 0 otherwise", MetricType.Gauge);

    private readonly Lock _lock = new();

    // Errors logged by the previous collection: an error is logged when it appears, not on every
    // scrape while it lasts. Holding only the last set keeps this bounded whatever the files do.
    private HashSet<string> _loggedErrors = new(StringComparer.Ordinal);

    public string Name => "textfile";

    /// <summary>Without a directory there is nothing to read; a directory may be on a network file system that hangs.</summary>
    bool IInlineCollector.RunsInline => string.IsNullOrEmpty(options.Directory);

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var families = new SortedDictionary<string, MergedFamily>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(options.Directory))
        {
            foreach (var file in ListFiles(options.Directory, errors))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (parsed, mtime) = ReadFile(file, errors);
                if (parsed is not null)
                {
                    sink.Add(MtimeDescriptor, new DateTimeOffset(mtime).ToUnixTimeSeconds(), file.FullName);
                    Merge(families, parsed, file.FullName, errors);
                }
            }
        }

        foreach (var family in families.Values)
        {
            family.Emit(sink);
        }

        sink.Add(ErrorDescriptor, errors.Count > 0 ? 1 : 0);
        LogNewErrors(errors);
        return Task.CompletedTask;
    }

    private static IEnumerable<FileInfo> ListFiles(string directory, List<string> errors)
    {
        try
        {
            // Like node_exporter: the names ending in .prom, in name order, no subdirectories.
            return [.. new DirectoryInfo(directory).EnumerateFiles()
                .Where(f => f.Name.EndsWith(".prom", StringComparison.Ordinal))
                .OrderBy(f => f.Name, StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"failed to read textfile collector directory {directory}: {e.Message}");
            return [];
        }
    }

    private static (IReadOnlyList<TextFamily>? Families, DateTime Mtime) ReadFile(FileInfo file, List<string> errors)
    {
        try
        {
            // Size and mtime from the opened file, so a symlinked *.prom reports its target's, as
            // node_exporter (which stats the open file) does.
            using var handle = File.OpenHandle(file.FullName);
            if (RandomAccess.GetLength(handle) > TextfileOptions.MaxFileBytes)
            {
                throw new FormatException($"larger than {TextfileOptions.MaxFileBytes} bytes");
            }

            var mtime = File.GetLastWriteTimeUtc(handle);
            using var reader = new StreamReader(new FileStream(handle, FileAccess.Read), Encoding.UTF8);
            var families = TextFormatParser.Parse(reader.ReadToEnd());

            // node_exporter rejects client-side timestamps: the series would be stored at the file's
            // time, not the scrape's, and go stale in surprising ways.
            if (families.Any(f => f.Samples.Any(s => s.TimestampMs is not null)))
            {
                throw new FormatException("contains unsupported client-side timestamps, skipping entire file");
            }

            return (families, mtime);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.Add($"{file.FullName}: {e.Message}");
            return (null, default);
        }
    }

    private static void Merge(SortedDictionary<string, MergedFamily> families, IReadOnlyList<TextFamily> parsed, string path, List<string> errors)
    {
        foreach (var family in parsed)
        {
            if (!families.TryGetValue(family.Name, out var merged))
            {
                families.Add(family.Name, new MergedFamily(family, path));
            }
            else if (merged.Conflict(family) is { } conflict)
            {
                errors.Add($"{path}: {family.Name} {conflict} than in {string.Join(", ", merged.Files)}; dropped");
            }
            else if (!merged.TryAdd(family, path))
            {
                errors.Add($"{path}: {family.Name} repeats a series of {string.Join(", ", merged.Files)}; dropped");
            }
        }
    }

    private void LogNewErrors(List<string> errors)
    {
        var current = new HashSet<string>(errors, StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var error in errors.Where(e => !_loggedErrors.Contains(e)))
            {
                TextfileLog.Failed(logger, error);
            }

            _loggedErrors = current;
        }
    }
}
