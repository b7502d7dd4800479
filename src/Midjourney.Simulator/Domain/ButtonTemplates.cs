using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json;

namespace Midjourney.Simulator.Domain;

/// <summary>
/// Button sets with a placeholder for the job hash, built once per kind and shared by all tasks: a task keeps only a
/// reference, and the JSON writer splices the hash in on the fly (100,000 tasks would otherwise hold ~1 KB of buttons each).
/// </summary>
internal static class ButtonTemplates
{
    /// <summary>Stands for the job hash inside a template customId.</summary>
    public const string HashMarker = "\u0001";

    private static readonly ConcurrentDictionary<(ResultKind, UpscaleFamily, bool, int, bool), Button[]> Cache = new();

    /// <summary>The shared template; <paramref name="square"/> is false for a non-square image (it offers Make Square).</summary>
    public static Button[] For(ResultKind kind, UpscaleFamily family, bool trueAi, int videoCount, bool square = true) =>
        Cache.GetOrAdd((kind, family, trueAi, videoCount, kind == ResultKind.Upscale && square), static key => (key.Item1 switch
        {
            ResultKind.Grid => ButtonFactory.Grid(HashMarker),
            ResultKind.Upscale => ButtonFactory.Upscale(HashMarker, key.Item2, key.Item3, makeSquare: !key.Item5),
            ResultKind.Describe => ButtonFactory.Describe(key.Item3),
            ResultKind.Shorten => ButtonFactory.Shorten(HashMarker),
            ResultKind.Video => ButtonFactory.Video(HashMarker, key.Item4),
            _ => new List<Button>(),
        }).ToArray());

    /// <summary>The real buttons of a task (allocates; used to validate actions, not on fetch).</summary>
    public static List<Button> Expand(Button[] template, string hash)
    {
        var buttons = new List<Button>(template.Length);
        foreach (Button button in template) buttons.Add(button with { CustomId = button.CustomId.Replace(HashMarker, hash, StringComparison.Ordinal) });
        return buttons;
    }

    /// <summary>Writes <paramref name="template"/> with the hash spliced in, without allocating.</summary>
    public static void WriteCustomId(Utf8JsonWriter writer, JsonEncodedText name, string template, string hash)
    {
        int marker = template.IndexOf(HashMarker, StringComparison.Ordinal);
        if (marker < 0)
        {
            writer.WriteString(name, template);
            return;
        }

        Span<char> buffer = stackalloc char[template.Length - 1 + hash.Length];
        template.AsSpan(0, marker).CopyTo(buffer);
        hash.AsSpan().CopyTo(buffer[marker..]);
        template.AsSpan(marker + 1).CopyTo(buffer[(marker + hash.Length)..]);
        writer.WriteString(name, buffer);
    }
}
