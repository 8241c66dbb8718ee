using System.Globalization;

namespace Exporter.DatabaseFailureBench;

/// <summary>The runs as two Markdown tables: failing targets, and healthy targets left idle.</summary>
internal static class Report
{
    public static void Print(IReadOnlyList<Measurement> results, TextWriter output)
    {
        output.WriteLine("| client | case | up 0 / scrapes | rest of the scrape sound | median / max s (timeout) | later than timeout + 0.1 s | connects during the scrapes | connects in the idle after | threads before → after → idle | managed MB before → after | GC committed MB before → after | RSS MB before → half → after → idle | sockets after | warnings logged |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var m in results.Where(r => r.Spec.Targets == 1))
        {
            Row(
                output,
                m.Spec.Client,
                m.Spec.Case,
                Invariant($"{m.Figure("scrapes", "up0")} / {m.Spec.Scrapes}"),
                Invariant($"{m.Spec.Scrapes - m.Number("scrapes", "broken")} / {m.Spec.Scrapes}"),
                Invariant($"{m.Figure("scrapes", "median")} / {m.Figure("scrapes", "max")} ({m.Spec.TimeoutMs / 1000.0:0.###})"),
                m.Figure("scrapes", "late"),
                Invariant($"{m.SynsDuringScrapes}"),
                Invariant($"{m.SynsWhileIdle} ({m.Spec.IdleSeconds} s)"),
                Series(m, "threads", 1, "before", "after", "idle"),
                Series(m, "managed", 1 << 20, "before", "after"),
                Series(m, "committed", 1 << 20, "before", "after"),
                Series(m, "rss", 1 << 20, "before", "half", "after", "idle"),
                m.Figure("after", "sockets"),
                m.Figure("scrapes", "warnings"));
        }

        output.WriteLine();
        output.WriteLine("| client | targets up | threads | managed MB | GC committed MB | RSS MB | sockets held | connects / segments with data to the server while idle |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var m in results.Where(r => r.Spec.Targets > 1))
        {
            Row(
                output,
                m.Spec.Client,
                Invariant($"{m.Figure("scrapes", "up1")} of {m.Spec.Targets * m.Spec.Scrapes}"),
                Value(m, "idle", "threads", 1),
                Value(m, "idle", "managed", 1 << 20),
                Value(m, "idle", "committed", 1 << 20),
                Value(m, "idle", "rss", 1 << 20),
                m.Figure("idle", "sockets"),
                Invariant($"{m.SynsWhileIdle} / {m.DataSegmentsWhileIdle} in {m.Spec.IdleSeconds} s"));
        }
    }

    private static void Row(TextWriter output, params string[] cells) => output.WriteLine("| " + string.Join(" | ", cells) + " |");

    private static string Series(Measurement m, string key, double unit, params string[] lines) =>
        string.Join(" → ", lines.Select(line => Value(m, line, key, unit)));

    private static string Value(Measurement m, string line, string key, double unit) =>
        unit == 1 ? m.Figure(line, key) : (m.Number(line, key) / unit).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
