namespace Exporter.Core.Linux;

/// <summary>Settings of the textfile collector: node_exporter's --collector.textfile.* flags, bound from Exporter:textfile.</summary>
public sealed class TextfileOptions
{
    /// <summary>Largest *.prom file read; a bigger one is reported as an error instead of being loaded.</summary>
    internal const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>
    /// --collector.textfile.directory: the directory whose *.prom files are exported. Empty (the
    /// default) reads nothing; node_textfile_scrape_error 0 is still exported.
    /// </summary>
    public string? Directory { get; set; }
}
