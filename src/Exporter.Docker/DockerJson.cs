using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Exporter.Docker;

/// <summary>
/// Parses the Engine API's JSON answers (source-generated, no reflection). Pure: text in, records
/// out; malformed JSON is a <see cref="FormatException"/> naming the endpoint.
/// </summary>
public static class DockerJson
{
    public static DockerVersion ParseVersion(string json) => Parse(json, DockerJsonContext.Default.DockerVersion, "version");

    public static IReadOnlyList<ContainerSummary> ParseContainers(string json) =>
        Parse(json, DockerJsonContext.Default.ListContainerSummary, "containers/json");

    public static ContainerInspect ParseInspect(string json) => Parse(json, DockerJsonContext.Default.ContainerInspect, "containers/{id}/json");

    public static ContainerStats ParseStats(string json) => Parse(json, DockerJsonContext.Default.ContainerStats, "containers/{id}/stats");

    /// <summary>The "message" of an error answer, or null when the body is not one.</summary>
    public static string? TryParseErrorMessage(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, DockerJsonContext.Default.DockerError)?.Message;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T Parse<T>(string json, JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new FormatException($"docker: {what}: empty answer");
        }
        catch (JsonException e)
        {
            throw new FormatException($"docker: {what}: malformed JSON: {e.Message}", e);
        }
    }
}
