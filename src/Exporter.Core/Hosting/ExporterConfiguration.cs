using Microsoft.Extensions.Configuration;

namespace Exporter.Core.Hosting;

/// <summary>The configuration section the exporter was added with, if any; collector options bind from its children.</summary>
internal sealed record ExporterConfiguration(IConfiguration? Section);
