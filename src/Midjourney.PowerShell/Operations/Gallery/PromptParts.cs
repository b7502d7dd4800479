using System.Collections.Generic;
using System.Linq;
using Midjourney.Client;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>A prompt as a card shows it: its words, and its parameters typed by the client's parser (AspectRatio 3:2, Stylize 250).</summary>
internal sealed class PromptParts
{
    private PromptParts(string text, IReadOnlyList<(string Name, string Value)> parameters)
    {
        Text = text;
        Parameters = parameters;
    }

    /// <summary>The words before the first parameter.</summary>
    public string Text { get; }

    /// <summary>The parameters: the New-MjImagine parameter name and the value as written ("" for a switch).</summary>
    public IReadOnlyList<(string Name, string Value)> Parameters { get; }

    /// <summary>Reads <paramref name="prompt"/> with <see cref="MjPromptParser"/>.</summary>
    public static PromptParts Of(string prompt)
    {
        var parsed = MjPromptParser.Parse(prompt);
        var values = parsed.Parameters;
        var parameters = new List<(string, string)>();
        foreach (var info in MjParameterTable.All)
        {
            if (info.Format(values) is { } value)
            {
                // --fast, --relax and --turbo all fill Speed: the flag is its value.
                parameters.Add(info.Property == "Speed" ? ("Speed", info.Flag) : (info.Property, value));
            }
        }

        parameters.AddRange(values.Unknown.Select(flag => ("Other", flag)));
        return new PromptParts(parsed.Text.Trim(), parameters);
    }
}
