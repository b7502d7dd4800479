using System.Text;
using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Domain;

/// <summary>Deterministic describe suggestions and shorten results in Discord's format.</summary>
internal static class SuggestionText
{
    private static readonly string[] Subjects = { "a lighthouse", "a red fox", "a paper boat", "an old tram", "a glass teapot", "a mountain cabin", "a koi pond", "a robot gardener" };
    private static readonly string[] Styles = { "watercolor", "isometric 3d render", "35mm film photo", "ukiyo-e print", "flat vector art", "oil painting", "pixel art", "charcoal sketch" };
    private static readonly string[] Lights = { "golden hour light", "soft overcast light", "neon glow", "moonlight", "studio lighting", "morning mist" };
    private static readonly string[] Digits = { "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣" };

    /// <summary>The four suggestions of a describe: <c>"1️⃣ …\n\n2️⃣ …"</c>.</summary>
    public static string Describe(ulong seed)
    {
        var random = new DeterministicRandom((long)seed, 3);
        var text = new StringBuilder();
        for (int i = 0; i < 4; i++)
        {
            if (i > 0) text.Append("\n\n");
            text.Append(Digits[i]).Append(' ')
                .Append(Subjects[random.Next(Subjects.Length)]).Append(", ")
                .Append(Styles[random.Next(Styles.Length)]).Append(", ")
                .Append(Lights[random.Next(Lights.Length)]).Append(" --ar 1:1");
        }

        return text.ToString();
    }

    /// <summary>The shorten result: important tokens and five shortened prompts.</summary>
    public static string Shorten(string prompt, ulong seed)
    {
        string[] words = prompt.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries);
        var text = new StringBuilder("## Important tokens\n");
        text.Append(string.Join(", ", words.Length > 6 ? words[..6] : words)).Append("\n\n## Shortened prompts\n");
        var random = new DeterministicRandom((long)seed, 5);
        for (int i = 0; i < 5; i++)
        {
            int keep = System.Math.Max(1, words.Length - i - random.Next(2));
            text.Append('\n').Append(Digits[i]).Append(' ').Append(string.Join(' ', words.Length > keep ? words[..keep] : words));
        }

        return text.ToString();
    }

    /// <summary>Suggestion <paramref name="index"/> (1-based) of a describe text, without its emoji.</summary>
    public static string Pick(string? text, int index)
    {
        if (string.IsNullOrEmpty(text)) return "";
        string[] lines = text.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        int seen = 0;
        foreach (string line in lines)
        {
            foreach (string digit in Digits)
            {
                if (!line.StartsWith(digit, System.StringComparison.Ordinal)) continue;
                if (++seen == index) return line[digit.Length..].Trim();
            }
        }

        return "";
    }
}
