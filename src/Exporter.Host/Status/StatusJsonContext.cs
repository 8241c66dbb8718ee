using System.Text.Json.Serialization;

namespace Exporter.Host.Status;

/// <summary>
/// Source-generated JSON for the status API (no reflection: the host is trimmed and moving to
/// NativeAOT). camelCase names; absent figures are written as null, so every field is always there.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(StatusError))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
