using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// The base of every cmdlet: runs an operation on the thread pool while the pipeline thread performs its
/// Write*/ShouldProcess calls, stops at once on Ctrl+C, and turns the module's errors into ErrorRecords.
/// </summary>
public abstract class MjCmdletBase : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private bool _disposed;

    /// <summary>Cancelled when the pipeline stops.</summary>
    internal CancellationToken StopToken => _stop.Token;

    /// <summary>The connection registry of the process.</summary>
    internal static MjSession Session => MjSession.Current;

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _stop.Dispose();
        }
    }

    /// <summary>Ctrl+C: cancel the operation; the pipeline thread stops waiting at once.</summary>
    protected override void StopProcessing()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> and relays its output until it ends. Every text written here (warnings, verbose
    /// lines, progress, error messages) is cleaned of control characters and escape sequences (<see cref="Client.MjText"/>);
    /// only <see cref="HostText"/>, the module's own terminal pictures, carries escape sequences.
    /// </summary>
    internal void RunOperation(Func<ICommandOutput, CancellationToken, Task> operation)
    {
        var token = _stop.Token;
        using var queue = new OutputQueue(token);
        var running = Task.Run(async () =>
        {
            try
            {
                await operation(queue, token).ConfigureAwait(false);
            }
            finally
            {
                queue.Complete();
            }
        });

        try
        {
            foreach (var message in queue.Take())
            {
                Perform(message);
            }
        }
        catch
        {
            // A downstream stop (Select-Object -First) or a failed write: stop the operation too.
            StopProcessing();
            throw;
        }

        if (token.IsCancellationRequested)
        {
            ObserveWhenDone(running);
            OnStopped();
            throw new PipelineStoppedException();
        }

        try
        {
            running.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            OnStopped();
            throw new PipelineStoppedException();
        }
        catch (MjTerminatingException e)
        {
            ThrowTerminatingError(ToErrorRecord(ErrorMapping.WithSpeedChoice(e.Error, SpeedChoice)));
        }
        catch (Exception e) when (ErrorMapping.IsExpected(e))
        {
            // A failure an operation let through (a whole-command request such as Get-MjTask's query): the same error id,
            // category and advice as anywhere else (it reached PowerShell raw: id 'Midjourney.Client.MjAuthenticationException',
            // category NotSpecified, for a refused key).
            ThrowTerminatingError(ToErrorRecord(ErrorMapping.WithSpeedChoice(ErrorMapping.FromException(e, null), SpeedChoice)));
        }
    }

    /// <summary>
    /// Ctrl+C stopped the operation: the pipeline takes no more output, so a cmdlet that has something to say about where
    /// it stopped writes it to the host here.
    /// </summary>
    protected virtual void OnStopped()
    {
    }

    /// <summary>How this command lets the user pick another speed mode, named in advice ("-Mode"); null when it cannot.</summary>
    internal virtual string? SpeedChoice => null;

    /// <summary>
    /// The ErrorRecord of a module error, with ErrorDetails carrying the recommended action. What the user reads is safe
    /// to show: a message that is not (a .NET exception quoting a file or a server) is shown cleaned through ErrorDetails.
    /// </summary>
    internal static ErrorRecord ToErrorRecord(MjCommandError error)
    {
        var record = new ErrorRecord(error.Exception, error.ErrorId, (ErrorCategory)(int)error.Category, error.Target);
        var action = Client.MjText.Clean(error.RecommendedAction);
        if (action is not null || !Client.MjText.IsClean(error.Message))
        {
            record.ErrorDetails = new ErrorDetails(Client.MjText.Clean(error.Message)) { RecommendedAction = action };
        }

        return record;
    }

    /// <summary>The plain text of a secret, for the client only.</summary>
    internal static string? Reveal(SecureString? secret) =>
        secret is null ? null : new NetworkCredential(string.Empty, secret).Password;

    /// <summary>
    /// Resolves a PowerShell path (wildcards allowed) to file-system paths; writes MjInvalidInput and returns false
    /// when it names nothing, or something outside the file system.
    /// </summary>
    internal bool TryResolveFiles(string path, string parameterName, out IReadOnlyList<string> resolved)
    {
        resolved = Array.Empty<string>();
        try
        {
            var paths = GetResolvedProviderPathFromPSPath(path, out var provider);
            if (!IsFileSystem(provider))
            {
                WriteError(ToErrorRecord(ErrorMapping.InvalidInput($"-{parameterName} '{path}' is on the {provider.Name} provider; give a file-system path or an http(s) URL.", path)));
                return false;
            }

            resolved = paths;
            return paths.Count > 0;
        }
        catch (Exception e) when (e is ItemNotFoundException or DriveNotFoundException or ProviderNotFoundException or PSNotSupportedException or ArgumentException)
        {
            WriteError(ToErrorRecord(ErrorMapping.InvalidInput($"-{parameterName} '{path}': {e.Message}", path, MjErrorCategory.ObjectNotFound)));
            return false;
        }
    }

    /// <summary>Resolves a path to one file; false (with an error written) otherwise.</summary>
    internal bool TryResolveFile(string path, string parameterName, out string resolved)
    {
        resolved = string.Empty;
        if (!TryResolveFiles(path, parameterName, out var paths))
        {
            return false;
        }

        if (paths.Count != 1)
        {
            WriteError(ToErrorRecord(ErrorMapping.InvalidInput($"-{parameterName} '{path}' matches {paths.Count} files; give exactly one.", path)));
            return false;
        }

        resolved = paths[0];
        return true;
    }

    /// <summary>Image values: URLs and data URLs as they are, paths resolved to files.</summary>
    internal bool TryResolveImages(IEnumerable<string>? values, string parameterName, bool single, out List<string> images)
    {
        images = new List<string>();
        foreach (var value in values ?? Array.Empty<string>())
        {
            if (Client.MjImageData.IsUrl(value) || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                images.Add(value);
            }
            else if (single)
            {
                if (!TryResolveFile(value, parameterName, out var file))
                {
                    return false;
                }

                images.Add(file);
            }
            else
            {
                if (!TryResolveFiles(value, parameterName, out var files))
                {
                    return false;
                }

                images.AddRange(files);
            }
        }

        return true;
    }

    /// <summary>A file or folder that may not exist yet as a file-system path (empty: the current location); false (with an error written) otherwise.</summary>
    internal bool TryResolveNewPath(string? path, string parameterName, out string resolved)
    {
        resolved = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        if (string.IsNullOrEmpty(path))
        {
            return true;
        }

        try
        {
            resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            if (IsFileSystem(provider))
            {
                return true;
            }

            WriteError(ToErrorRecord(ErrorMapping.InvalidInput($"-{parameterName} '{path}' is on the {provider.Name} provider; give a file-system folder.", path)));
            return false;
        }
        catch (Exception e) when (e is DriveNotFoundException or ProviderNotFoundException or PSNotSupportedException or ArgumentException)
        {
            WriteError(ToErrorRecord(ErrorMapping.InvalidInput($"-{parameterName} '{path}': {e.Message}", path, MjErrorCategory.ObjectNotFound)));
            return false;
        }
    }

    private static bool IsFileSystem(ProviderInfo provider) =>
        string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase);

    private static void ObserveWhenDone(Task running) =>
        running.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);

    private void Perform(OutputMessage message)
    {
        switch (message.Kind)
        {
            case OutputKind.Object when message.Payload is HostText text:
                // Write-Host's way: the information stream, tagged PSHOST, shown by the host (6>&1 captures it).
                WriteInformation(new HostInformationMessage { Message = text.Text, NoNewLine = true }, new[] { "PSHOST" });
                break;
            case OutputKind.Object when message.Payload is SavedFile saved:
                WriteObject(SavedFileObject.Of(saved, InvokeProvider));
                break;
            case OutputKind.Object when message.Payload is System.IO.FileInfo written:
                // A file an operation wrote (Export-MjGallery -PassThru's page): Get-Item's object, not a bare FileInfo.
                WriteObject(SavedFileObject.Item(written, InvokeProvider));
                break;
            case OutputKind.Object when message.Payload is Client.MjTask task:
                // Disconnect-MjServer warns about the tasks that are still open on the server it forgets.
                Session.ForServer(task.Server)?.Follow(task);
                WriteObject(task);
                break;
            case OutputKind.Object:
                WriteObject(message.Payload);
                break;
            case OutputKind.Error:
                WriteError(ToErrorRecord(ErrorMapping.WithSpeedChoice((MjCommandError)message.Payload, SpeedChoice)));
                break;
            case OutputKind.Warning:
                WriteWarning(Client.MjText.Clean((string)message.Payload));
                break;
            case OutputKind.ModalWarning:
                // Asked now, after the task went down the pipeline: a Submit-MjModal there has taken it on.
                var notice = (ModalNotice)message.Payload;
                if (notice.IsDue())
                {
                    WriteWarning(Client.MjText.Clean(notice.Text));
                }

                break;
            case OutputKind.Verbose:
                WriteVerbose(Client.MjText.Clean((string)message.Payload));
                break;
            case OutputKind.Progress:
                WriteProgress(ToProgressRecord((MjProgress)message.Payload));
                break;
            case OutputKind.ShouldProcess:
                // The target names prompts from files and servers' texts: -WhatIf and -Confirm write it to the host raw.
                var pair = (string[])message.Payload;
                try
                {
                    message.Answer!.TrySetResult(ShouldProcess(Client.MjText.CleanLine(pair[0]), Client.MjText.CleanLine(pair[1])));
                }
                catch (Exception e)
                {
                    message.Answer!.TrySetException(e);
                    throw;
                }

                break;
        }
    }

    // Progress bars are drawn by the host on one line each: their text is cleaned to one line.
    private static ProgressRecord ToProgressRecord(MjProgress progress) => new(progress.ActivityId, Client.MjText.CleanLine(progress.Activity), Client.MjText.CleanLine(progress.StatusDescription))
    {
        ParentActivityId = progress.ParentActivityId,
        PercentComplete = progress.PercentComplete,
        RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
    };
}
