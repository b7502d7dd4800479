using System.Text.Json;

namespace Midjourney.Simulator.Http;

/// <summary>
/// The fields of a JSON request body as the account and admin APIs read them: a field that is missing, of another
/// type, or on something that is no object reads as null (a number only when it fits an int).
/// </summary>
internal static class JsonFields
{
    public static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) ? value : default;

    public static string? Text(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool? Bool(JsonElement element, string name) => Member(element, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static int? Int(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out int number) ? number : null;
}
