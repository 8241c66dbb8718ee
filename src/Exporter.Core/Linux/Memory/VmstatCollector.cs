using System.Text.RegularExpressions;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_vmstat_&lt;field&gt; (untyped, as node_exporter) for the /proc/vmstat fields the filter selects.</summary>
internal sealed class VmstatCollector(HostPaths paths, VmstatOptions options) : IInlineCollector
{
    private readonly Regex _fields = FlagRegex.Create(options.Fields);
    private readonly DescriptorCache _descriptors = new();

    public string Name => "vmstat";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.TryRead(paths.Proc("vmstat"));
        if (text is null)
        {
            return Task.CompletedTask;
        }

        foreach (var (field, value) in VmstatParser.Parse(text).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (_fields.IsMatch(field))
            {
                var name = "node_vmstat_" + field;
                sink.Add(_descriptors.Get(name, $"/proc/vmstat information field {field}.", MetricType.Untyped), value);
            }
        }

        return Task.CompletedTask;
    }
}
