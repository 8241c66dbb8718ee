using System.Globalization;

namespace Exporter.DatabaseFailureBench;

/// <summary>One measured run: a client, the case it meets, and how long and how often to scrape.</summary>
internal sealed record RunSpec(
    string Client, string Case, int Port, string? User, string? Password, int TimeoutMs, int Targets, int Scrapes, int WarmUp, int IdleSeconds)
{
    public string[] ToArguments() =>
    [
        "child", Client, Case, Text(Port), User ?? "-", Password ?? "-", Text(TimeoutMs), Text(Targets), Text(Scrapes), Text(WarmUp), Text(IdleSeconds),
    ];

    public static RunSpec FromArguments(string[] a) => new(
        a[1], a[2], Number(a[3]), Optional(a[4]), Optional(a[5]), Number(a[6]), Number(a[7]), Number(a[8]), Number(a[9]), Number(a[10]));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string? Optional(string text) => text == "-" ? null : text;
}
