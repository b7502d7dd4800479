using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Tests.Support;

/// <summary>Records everything an operation says; ShouldProcess answers <see cref="Confirm"/> (false emulates -WhatIf).</summary>
internal sealed class RecordingOutput : ICommandOutput
{
    private readonly object _gate = new();

    public bool Confirm { get; set; } = true;

    public List<object> Objects { get; } = new();

    public List<MjCommandError> Errors { get; } = new();

    public List<string> Warnings { get; } = new();

    public List<string> Verbose { get; } = new();

    public List<MjProgress> Progress { get; } = new();

    public List<(string Target, string Action)> ShouldProcessCalls { get; } = new();

    /// <summary>The files written (Save-MjImage, New-MjMask, Split-MjImage).</summary>
    public IReadOnlyList<System.IO.FileInfo> Files
    {
        get
        {
            lock (_gate)
            {
                return Objects.OfType<SavedFile>().Select(s => s.File).ToList();
            }
        }
    }

    public IReadOnlyList<MjTask> Tasks
    {
        get
        {
            lock (_gate)
            {
                return Objects.OfType<MjTask>().ToList();
            }
        }
    }

    public void WriteObject(object value) => Add(Objects, value);

    public void WriteError(MjCommandError error) => Add(Errors, error);

    public void WriteWarning(string text) => Add(Warnings, text);

    /// <summary>Decided at once, as the pipeline thread decides it when the task has gone down the pipeline.</summary>
    public void WriteModalWarning(ModalNotice notice)
    {
        if (notice.IsDue())
        {
            Add(Warnings, notice.Text);
        }
    }

    public void WriteVerbose(string text) => Add(Verbose, text);

    public void WriteProgress(MjProgress progress) => Add(Progress, progress);

    public Task<bool> ShouldProcessAsync(string target, string action)
    {
        Add(ShouldProcessCalls, (target, action));
        return Task.FromResult(Confirm);
    }

    /// <summary>Everything recorded, as text (objects, errors with exceptions and details, warnings, verbose, progress).</summary>
    public string AllText()
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            foreach (var o in Objects)
            {
                text.AppendLine(o.ToString());
            }

            foreach (var e in Errors)
            {
                text.AppendLine(e.ToString()).AppendLine(e.Exception.ToString()).AppendLine(e.RecommendedAction).AppendLine(e.Target?.ToString());
            }

            foreach (var line in Warnings.Concat(Verbose).Concat(Progress.Select(p => p.ToString())).Concat(ShouldProcessCalls.Select(c => c.Target + " " + c.Action)))
            {
                text.AppendLine(line);
            }

            return text.ToString();
        }
    }

    private void Add<T>(List<T> list, T item)
    {
        lock (_gate)
        {
            list.Add(item);
        }
    }
}
