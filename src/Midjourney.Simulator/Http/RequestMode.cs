using Microsoft.AspNetCore.Http;

namespace Midjourney.Simulator.Http;

/// <summary>The speed mode chosen by a path prefix, kept in <see cref="HttpContext.Items"/>.</summary>
internal static class RequestMode
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, SpeedMode mode) => context.Items[Key] = mode;

    public static SpeedMode? Get(HttpContext context) => context.Items.TryGetValue(Key, out object? value) ? (SpeedMode?)value : null;
}
