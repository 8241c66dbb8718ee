namespace Exporter.Core.Linux;

/// <summary>Settings of the vmstat collector (--collector.vmstat.fields).</summary>
public sealed class VmstatOptions
{
    /// <summary>node_exporter's default: the fields its dashboards and alerts use.</summary>
    internal const string DefaultFields = "^(oom_kill|pgpg|pswp|pg.*fault).*";

    /// <summary>Regular expression; /proc/vmstat fields whose name it matches are exported.</summary>
    public string Fields { get; set; } = DefaultFields;

    internal IEnumerable<string> Errors() => FlagRegex.CheckRequired(Fields, "collector.vmstat.fields");
}
