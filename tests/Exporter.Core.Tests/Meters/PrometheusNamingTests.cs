using Exporter.Core.Meters;

namespace Exporter.Core.Tests.Meters;

/// <summary>
/// The OpenTelemetry specification's "Prometheus and OpenMetrics Compatibility" translation rules,
/// one row per rule (metric names, unit suffixes, counter suffixes, attribute keys).
/// </summary>
public sealed class PrometheusNamingTests
{
    [Theory]
    // Invalid characters become '_', runs collapse, case is kept, a leading digit gets '_'.
    [InlineData("http.server.request.duration", "s", false, "http_server_request_duration_seconds")]
    [InlineData("my-metric..name", null, false, "my_metric_name")]
    [InlineData("CamelCase.Name", null, false, "CamelCase_Name")]
    [InlineData("2xx.responses", null, false, "_2xx_responses")]
    [InlineData("a:b.c", null, false, "a:b_c")]
    // Units: time, bytes, SI, rates, annotations, "1", unknown units.
    [InlineData("x", "ms", false, "x_milliseconds")]
    [InlineData("x", "us", false, "x_microseconds")]
    [InlineData("x", "min", false, "x_minutes")]
    [InlineData("x", "d", false, "x_days")]
    [InlineData("x", "By", false, "x_bytes")]
    [InlineData("x", "MiBy", false, "x_mebibytes")]
    [InlineData("x", "KBy", false, "x_kilobytes")]
    [InlineData("x", "Cel", false, "x_celsius")]
    [InlineData("x", "%", false, "x_percent")]
    [InlineData("x", "By/s", false, "x_bytes_per_second")]
    [InlineData("x", "m/s", false, "x_meters_per_second")]
    [InlineData("x", "{packet}/s", false, "x_per_second")]
    [InlineData("x", "{request}", false, "x")]
    [InlineData("x", "1", false, "x")]
    [InlineData("x", "", false, "x")]
    [InlineData("x", "furlongs", false, "x_furlongs")]
    // No double suffixes.
    [InlineData("process.memory_bytes", "By", false, "process_memory_bytes")]
    [InlineData("queue.seconds", "s", false, "queue_seconds")]
    // Counters: _total, after the unit, never twice.
    [InlineData("requests", "{request}", true, "requests_total")]
    [InlineData("requests.total", null, true, "requests_total")]
    [InlineData("db.bytes", "By", true, "db_bytes_total")]
    [InlineData("cpu.time", "s", true, "cpu_time_seconds_total")]
    [InlineData("busy_total", "s", true, "busy_seconds_total")]
    [InlineData("dotnet.gc.collections", "{collection}", true, "dotnet_gc_collections_total")]
    public void Default_translation_follows_the_specification(string instrument, string? unit, bool counter, string expected) =>
        PrometheusNaming.MetricName("Any.Meter", instrument, unit, counter, MetricNameTranslation.UnderscoreEscapingWithSuffixes).Should().Be(expected);

    [Theory]
    [InlineData("http.server.request.duration", "s", false, "http_server_request_duration")]
    [InlineData("requests", "{request}", true, "requests")]
    public void Without_suffixes_only_escapes(string instrument, string unit, bool counter, string expected) =>
        PrometheusNaming.MetricName("Any.Meter", instrument, unit, counter, MetricNameTranslation.UnderscoreEscapingWithoutSuffixes).Should().Be(expected);

    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting", "http.server.request.duration", "microsoft_aspnetcore_hosting_http_server_request_duration")]
    [InlineData("MyApp", "orders-placed", "myapp_orders_placed")]
    [InlineData("My..App", "x", "my__app_x")]
    public void PrometheusNet_mode_prefixes_the_meter_and_lowercases(string meter, string instrument, string expected) =>
        PrometheusNaming.MetricName(meter, instrument, "s", monotonic: true, MetricNameTranslation.PrometheusNetCompatible).Should().Be(expected);

    [Theory]
    [InlineData("http.request.method", "http_request_method")]
    [InlineData("a:b", "a_b")]
    [InlineData("__reserved", "_reserved")]
    [InlineData("0day", "_0day")]
    [InlineData("Key-Name", "Key_Name")]
    public void Attribute_keys_become_label_names(string key, string expected) =>
        PrometheusNaming.LabelName(key, MetricNameTranslation.UnderscoreEscapingWithSuffixes).Should().Be(expected);

    [Theory]
    [InlineData(true, "true")]
    [InlineData(1.5, "1.5")]
    [InlineData(42L, "42")]
    [InlineData("GET", "GET")]
    [InlineData(null, "")]
    public void Attribute_values_are_invariant_text(object? value, string expected) =>
        PrometheusNaming.LabelValue(value).Should().Be(expected);

    [Theory]
    [InlineData("MyCompany.*", "MyCompany.Orders", true)]
    [InlineData("MyCompany.*", "mycompany.orders", true)]
    [InlineData("MyCompany.*", "MyCompanyX", false)]
    [InlineData("*.Http", "System.Net.Http", true)]
    [InlineData("A*B*C", "AxxBxxC", true)]
    [InlineData("A*B*C", "AxxC", false)]
    [InlineData("*", "anything", true)]
    [InlineData("Exact", "Exact.Not", false)]
    public void Meter_patterns_take_wildcards(string pattern, string name, bool expected) =>
        MeterSelector.Matches(pattern, name).Should().Be(expected);
}
