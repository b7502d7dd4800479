namespace Midjourney.PowerShell;

/// <summary>Text for the host, not the pipeline (terminal pictures): the cmdlet base writes it as Write-Host does.</summary>
internal sealed class HostText
{
    /// <summary>Creates the text.</summary>
    public HostText(string text) => Text = text;

    /// <summary>The text, with its own line ends and escape sequences.</summary>
    public string Text { get; }
}
