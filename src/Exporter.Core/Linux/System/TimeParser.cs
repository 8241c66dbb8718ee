namespace Exporter.Core.Linux;

/// <summary>The pure parts of the time collector: the zone's name and offset, and sysfs clocksource files.</summary>
internal static class TimeParser
{
    /// <summary>
    /// The zone's abbreviation in effect at <paramref name="now"/> ("CET" or "CEST", as date +%Z
    /// prints it and node_exporter reports it) and its offset from UTC in seconds.
    /// </summary>
    public static (string Name, double OffsetSeconds) Zone(TimeZoneInfo zone, DateTimeOffset now)
    {
        // On Linux without ICU (invariant globalization) .NET names zones by their tzfile
        // abbreviations, except UTC, which it always calls "Coordinated Universal Time".
        var name = zone.IsDaylightSavingTime(now) ? zone.DaylightName : zone.StandardName;
        if (name == TimeZoneInfo.Utc.StandardName || name == TimeZoneInfo.Utc.DisplayName)
        {
            name = "UTC";
        }

        return (name, zone.GetUtcOffset(now).TotalSeconds);
    }

    /// <summary>
    /// A clocksource device's available_clocksource ("tsc hpet acpi_pm ") and current_clocksource
    /// ("tsc") files (Documentation/ABI/testing/sysfs-devices-system-clocksource).
    /// </summary>
    public static (IReadOnlyList<string> Available, string Current) Clocksource(string available, string current)
    {
        var sources = available.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var now = current.Trim();
        if (now.Length == 0 || now.Contains(' ', StringComparison.Ordinal))
        {
            throw new FormatException($"clocksource: current_clocksource '{now}' is not one name");
        }

        return (sources, now);
    }
}
