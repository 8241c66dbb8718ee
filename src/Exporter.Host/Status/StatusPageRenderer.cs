using System.Text;
using static Exporter.Host.Status.StatusFormat;

namespace Exporter.Host.Status;

/// <summary>
/// The server-side first paint: the inner HTML of the page's main element for a document. Its
/// twin is render() in status.html, which redraws the same markup from /api/v1/status on every
/// refresh; a browser test holds the two to the same output. Every text that comes from outside
/// (names, images, devices, errors) goes through <see cref="StatusFormat.Esc"/>.
/// </summary>
internal static class StatusPageRenderer
{
    private static readonly Dictionary<string, string> StateClass = new(StringComparer.Ordinal)
    {
        ["running"] = "ok", ["paused"] = "warn", ["restarting"] = "warn", ["created"] = "na", ["exited"] = "bad", ["dead"] = "bad",
    };

    private static readonly Dictionary<string, string> HealthClass = new(StringComparer.Ordinal)
    {
        ["healthy"] = "ok", ["starting"] = "warn", ["unhealthy"] = "bad",
    };

    private static readonly Dictionary<string, string> KindName = new(StringComparer.Ordinal)
    {
        ["postgres"] = "PostgreSQL", ["redis"] = "Redis", ["mongodb"] = "MongoDB",
    };

    public static string Title(StatusDocument d) => (d.Host.Hostname ?? "Host") + " · status";

    public static string Render(StatusDocument d) =>
        "<h1>" + Esc(d.Host.Hostname ?? "Host") + "</h1><p class=\"meta\">Up " + Duration(d.Host.UptimeSeconds) + " · sampled <time datetime=\"" + Iso(d.SampledAt) + "\">" + Utc(d.SampledAt) + "</time></p>"
        + Host(d) + Containers(d.Containers) + Databases(d.Databases) + Collectors(d.Collectors);

    private static string Host(StatusDocument d)
    {
        var h = d.Host;
        var cpu = h.Cpu;
        var ld = h.Load;
        var mem = h.Memory;
        var sw = h.Swap;
        var hist = d.History;
        var rd = Sum(h.Disks, x => x.ReadBytesPerSecond);
        var wr = Sum(h.Disks, x => x.WriteBytesPerSecond);
        var nets = h.Networks.Where(x => x.Device != "lo").ToList();
        var rx = Sum(nets, x => x.ReceiveBytesPerSecond);
        var tx = Sum(nets, x => x.TransmitBytesPerSecond);
        return "<section aria-labelledby=\"h-host\"><h2 id=\"h-host\">Host</h2><div class=\"cards\">"
            + Card("c-cpu", "CPU", Dat(cpu.BusyPercent, Percent), Meter(cpu.BusyPercent, 80, 95, "CPU busy"), "iowait " + Percent(cpu.IowaitPercent) + " · " + Dat(cpu.Cores, Int) + " cores", Spark("CPU busy", hist, hist.CpuBusyPercent, 100, Percent))
            + Card("c-load", "Load", ld is not null ? Dat(ld.Load1, Two) : Missing, string.Empty, ld is not null ? "5m " + Two(ld.Load5) + " · 15m " + Two(ld.Load15) : Missing, Spark("Load 1m", hist, hist.Load1, cpu.Cores, Two))
            + Card("c-mem", "Memory", mem is not null ? Dat(mem.UsedPercent, Percent) : Missing, mem is not null ? Meter(mem.UsedPercent, 85, 95, "Memory used") : string.Empty, mem is not null ? Bytes(mem.UsedBytes) + " of " + Dat(mem.TotalBytes, Bytes) : Missing, Spark("Memory used", hist, hist.MemoryUsedPercent, 100, Percent))
            + Card("c-swap", "Swap", sw is null ? Missing : sw.TotalBytes > 0 ? Dat(sw.UsedPercent, Percent) : "none", sw is { TotalBytes: > 0 } ? Meter(sw.UsedPercent, 85, 95, "Swap used") : string.Empty, sw is null ? Missing : sw.TotalBytes > 0 ? Bytes(sw.UsedBytes) + " of " + Dat(sw.TotalBytes, Bytes) : "no swap space", Spark("Swap used", hist, hist.SwapUsedPercent, 100, Percent))
            + Card("c-disk", "Disk I/O", Rate(rd is null || wr is null ? null : rd + wr), string.Empty, "read " + Rate(rd) + " · write " + Rate(wr), Spark("Disk I/O", hist, hist.DiskBytesPerSecond, 0, Rate))
            + Card("c-net", "Network", Rate(rx is null || tx is null ? null : rx + tx), string.Empty, "in " + Rate(rx) + " · out " + Rate(tx), Spark("Network", hist, hist.NetworkBytesPerSecond, 0, Rate))
            + "</div><h3 id=\"h-cores\">Per core</h3><ul class=\"cores\" aria-labelledby=\"h-cores\">"
            + string.Concat(cpu.PerCore.Select(c => "<li><span>cpu" + Esc(c.Cpu) + "</span>" + Meter(c.BusyPercent, 80, 95, "cpu" + c.Cpu + " busy") + "<span>" + Percent(c.BusyPercent) + "</span></li>"))
            + "</ul><h3 id=\"h-fs\">Filesystems</h3>"
            + Table("h-fs", ["Mount", "Device", "Type", "Size", "Used", "Available"], h.Filesystems.Select(f => new[]
            {
                Esc(f.Mountpoint) + (f.Readonly ? " <small>read-only</small>" : string.Empty), Esc(f.Device), Esc(f.Fstype),
                f.Error ? Badge("error", "bad") : Dat(f.SizeBytes, Bytes),
                f.Error ? Missing : Meter(f.UsedPercent, 80, 90, f.Mountpoint + " used") + Percent(f.UsedPercent),
                f.Error ? Missing : Bytes(f.AvailBytes),
            }))
            + "<h3 id=\"h-disks\">Disks</h3>" + Table("h-disks", ["Device", "Read", "Write"], h.Disks.Select(x => new[] { Esc(x.Device), Rate(x.ReadBytesPerSecond), Rate(x.WriteBytesPerSecond) }))
            + "<h3 id=\"h-nets\">Network</h3>" + Table("h-nets", ["Device", "In", "Out"], h.Networks.Select(x => new[] { Esc(x.Device), Rate(x.ReceiveBytesPerSecond), Rate(x.TransmitBytesPerSecond) }))
            + "</section>";
    }

    private static string Containers(ContainersStatus? c) =>
        "<section aria-labelledby=\"h-ct\"><h2 id=\"h-ct\">Containers</h2>"
        + (c is null
            ? "<p class=\"na\">The docker collector is not enabled (--collector.docker).</p>"
            : (c.EngineUp ? string.Empty : "<p class=\"bad\">The Docker engine does not answer (docker_up 0).</p>")
              + (c.List.Count > 0
                  ? Table("h-ct", ["Name", "Image", "State", "Uptime", "CPU", "Memory", "Restarts"], c.List.Select(x => new[]
                  {
                      Esc(x.Name) + " <small>" + Esc(x.Id) + "</small>", Esc(x.Image),
                      Badge(x.State, StateClass.GetValueOrDefault(x.State, "na")) + (x.Health is { Length: > 0 } health ? " " + Badge(health, HealthClass.GetValueOrDefault(health, "na")) : string.Empty),
                      Duration(x.UptimeSeconds), Percent(x.CpuPercent),
                      Bytes(x.MemoryBytes) + (x.MemoryLimitBytes is not null ? " of " + Bytes(x.MemoryLimitBytes) + (x.MemoryPercent is not null ? " " + Meter(x.MemoryPercent, 85, 95, x.Name + " memory") : string.Empty) : string.Empty),
                      Int(x.Restarts),
                  }))
                  : "<p class=\"na\">No containers.</p>"))
        + "</section>";

    private static string Databases(IReadOnlyList<DatabaseStatus> list) =>
        "<section aria-labelledby=\"h-db\"><h2 id=\"h-db\">Databases</h2>"
        + (list.Count > 0
            ? "<div class=\"cards dbs\">" + string.Concat(list.Select(x => "<article class=\"card\"><h3>" + Esc(KindName.GetValueOrDefault(x.Kind, x.Kind)) + " · " + Esc(x.Target) + "</h3><p>"
                + (x.Up ? Badge("up", "ok") : Badge("down", "bad")) + "</p>" + (x.Up ? "<dl>" + Figures(x) + "</dl>" : string.Empty) + "</article>")) + "</div>"
            : "<p class=\"na\">No database targets (--config.file).</p>")
        + "</section>";

    private static string Figures(DatabaseStatus x)
    {
        var sizes = string.Concat(x.Databases.Select(s => Figure(Esc(s.Name), Bytes(s.SizeBytes))));
        return x.Kind switch
        {
            "postgres" => Figure("Connections", Int(x.Connections) + " of " + Int(x.MaxConnections)) + Figure("Size", Bytes(x.StorageBytes)) + sizes,
            "redis" => Figure("Memory", Bytes(x.MemoryUsedBytes) + (x.MemoryMaxBytes is not null ? " of " + Bytes(x.MemoryMaxBytes) : string.Empty)) + Figure("Keys", Int(x.Keys)) + Figure("Clients", Int(x.Connections)),
            "mongodb" => Figure("Connections", Int(x.Connections)) + Figure("Collections", Int(x.Collections)) + Figure("Storage", Bytes(x.StorageBytes)) + sizes,
            _ => string.Empty,
        };
    }

    private static string Collectors(IReadOnlyList<CollectorStatus> list)
    {
        var bad = list.Where(x => !x.Ok).ToList();
        return "<section aria-labelledby=\"h-co\"><h2 id=\"h-co\">Collectors</h2>"
            + (bad.Count > 0
                ? "<p>" + Badge(bad.Count + " failing", "bad") + " of " + list.Count + " collectors.</p><ul class=\"errors\">"
                  + string.Concat(bad.Select(x => "<li><strong>" + Esc(x.Name) + "</strong>: " + Esc(x.Error ?? "failed") + "</li>")) + "</ul>"
                : "<p>" + Badge("ok", "ok") + " All " + list.Count + " collectors succeeded.</p>")
            + "</section>";
    }

    /// <summary>
    /// A sparkline over the history window: x by time (the newest at the right edge), y scaled to
    /// <paramref name="floor"/> or the largest value, whichever is more.
    /// </summary>
    private static string Spark(string label, StatusHistory hist, IReadOnlyList<double?> values, double floor, Func<double?, string> format)
    {
        var t = hist.Times;
        var n = t.Count;
        var w = hist.WindowSeconds;
        var seen = new List<double>();
        var max = floor;
        for (var i = 0; i < n && i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                seen.Add(v);
                max = v > max ? v : max;
            }
        }

        if (max <= 0)
        {
            max = 1;
        }

        var points = new List<string>();
        for (var i = 0; i < n && i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                points.Add(Fixed((1 - ((t[n - 1] - t[i]) / w)) * 100, 1) + "," + Fixed(23 - (v / max * 22), 1));
            }
        }

        var aria = seen.Count > 0
            ? label + ", last " + Raw(w / 60) + " minutes: low " + format(seen.Min()) + ", high " + format(seen.Max())
            : label + ": no history yet";
        return "<svg class=\"spark\" viewBox=\"0 0 100 24\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"" + Esc(aria) + "\">"
            + (points.Count > 1 ? "<polyline points=\"" + string.Join(' ', points) + "\"></polyline>" : string.Empty) + "</svg>";
    }

    private static string Card(string id, string title, string big, string bar, string sub, string line) =>
        "<article class=\"card\" id=\"" + id + "\"><h3>" + title + "</h3><p class=\"big\">" + big + "</p>" + bar + "<p class=\"sub\">" + sub + "</p>" + line + "</article>";

    private static string Table(string labelledBy, string[] heads, IEnumerable<string[]> rows)
    {
        var body = new StringBuilder();
        foreach (var row in rows)
        {
            body.Append("<tr role=\"row\">");
            for (var i = 0; i < row.Length; i++)
            {
                body.Append("<td role=\"cell\" data-label=\"").Append(heads[i]).Append("\">").Append(row[i]).Append("</td>");
            }

            body.Append("</tr>");
        }

        return body.Length == 0
            ? "<p class=\"na\">None.</p>"
            : "<table role=\"table\" aria-labelledby=\"" + labelledBy + "\"><thead role=\"rowgroup\"><tr role=\"row\">"
              + string.Concat(heads.Select(h => "<th role=\"columnheader\" scope=\"col\">" + h + "</th>")) + "</tr></thead><tbody role=\"rowgroup\">" + body + "</tbody></table>";
    }

    private static string Dat(double? value, Func<double?, string> format) =>
        value is { } v ? "<data value=\"" + Raw(v) + "\">" + format(v) + "</data>" : Missing;

    private static string Meter(double? value, int low, int high, string label) =>
        "<meter min=\"0\" max=\"100\" low=\"" + low + "\" high=\"" + high + "\" optimum=\"0\" value=\"" + Raw(value ?? 0) + "\" aria-label=\"" + Esc(label) + "\"></meter>";

    private static string Badge(string text, string cls) => "<span class=\"badge " + cls + "\">" + Esc(text) + "</span>";

    private static string Figure(string name, string value) => "<dt>" + name + "</dt><dd>" + value + "</dd>";

    /// <summary>The sum over a list; null when it is empty or any value is unknown.</summary>
    private static double? Sum<T>(IReadOnlyList<T> list, Func<T, double?> value)
    {
        if (list.Count == 0)
        {
            return null;
        }

        double total = 0;
        foreach (var item in list)
        {
            if (value(item) is not { } v)
            {
                return null;
            }

            total += v;
        }

        return total;
    }
}
