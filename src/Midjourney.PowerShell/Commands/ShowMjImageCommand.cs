using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// Show-MjImage: draws tasks' images, image files or URLs in the terminal. The picture is output text (so
/// <c>| Out-Null</c> silences it); where it would not be drawn (redirected output, PlainText rendering) one line says so.
/// </summary>
[Cmdlet(VerbsCommon.Show, "MjImage")]
[OutputType(typeof(string))]
public sealed class ShowMjImageCommand : MjCmdletBase
{
    private readonly List<object> _items = new();

    /// <summary>Tasks, image files (FileInfo or paths, wildcards allowed) or http(s) URLs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object[] InputObject { get; set; } = null!;

    /// <summary>Columns to use; default the window's width.</summary>
    [Parameter]
    [ValidateRange(4, 1000)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int Width { get; set; }

    /// <summary>How to draw: Auto (from the environment), HalfBlock, Sixel, Kitty or ITerm2.</summary>
    [Parameter]
    [ValidateSet("Auto", "HalfBlock", "Sixel", "Kitty", "ITerm2")]
    public string Protocol { get; set; } = "Auto";

    /// <summary>Number the four tiles of a grid file or URL (tasks are recognised by their U1–U4 buttons).</summary>
    [Parameter]
    public SwitchParameter Grid { get; set; }

    /// <summary>Write the picture even where it would not be drawn (redirected output, PlainText rendering): to keep its escape codes in a file or variable.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The connection for URLs; default the task's server, else the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var value in InputObject)
        {
            var item = value is PSObject wrapped ? wrapped.BaseObject : value;
            switch (item)
            {
                case MjTask task:
                    _items.Add(task);
                    break;
                case FileInfo file:
                    _items.Add(file.FullName);
                    break;
                case string text when MjImageData.IsUrl(text):
                    _items.Add(text);
                    break;
                case string text:
                    if (TryResolveFiles(text, nameof(InputObject), out var files))
                    {
                        _items.AddRange(files);
                    }

                    break;
                default:
                    _items.Add(item!);
                    break;
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var (columns, rows) = TerminalSize.Of(Host, Width);
        var options = new ShowImageOptions
        {
            Items = _items,
            Columns = columns,
            MaxRows = rows,
            Protocol = Protocol,
            Grid = Grid.IsPresent,
            Connection = Connection,
            NotDrawnBecause = Force.IsPresent ? null : TerminalOutput.WhyNotDrawn(this),
        };
        var operation = new ShowImageOperation(Session);
        RunOperation((output, token) => operation.ProcessAsync(options, output, token));
    }
}
