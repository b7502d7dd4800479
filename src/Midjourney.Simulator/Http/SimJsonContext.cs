using System.Text.Json.Serialization;

namespace Midjourney.Simulator.Http;

/// <summary>Source-generated JSON metadata: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString, WriteIndented = false)]
[JsonSerializable(typeof(SubmitRequest))]
[JsonSerializable(typeof(SimulatorStats))]
internal sealed partial class SimJsonContext : JsonSerializerContext
{
}
