namespace Midjourney.Simulator.Domain;

/// <summary>A Discord button of a task message (§3.1): <c>type</c> 2 = button, <c>style</c> 2 = grey.</summary>
internal sealed record Button(string CustomId, string Emoji, string Label, int Style = 2, int Type = 2);
