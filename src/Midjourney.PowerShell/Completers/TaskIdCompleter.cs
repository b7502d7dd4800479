using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using Midjourney.Client;

namespace Midjourney.PowerShell.Completers;

/// <summary>Completes -Id with the newest task ids of the connection's journal (no connection: the default journal); the tooltip shows the action and prompt.</summary>
public sealed class TaskIdCompleter : IArgumentCompleter
{
    private const int Offered = 50;

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        // Like Get-MjTask -Recent -FromJournal: without any connection, the default journal.
        var connection = CompletionInput.Connection(fakeBoundParameters);
        var journal = connection is null ? new MjTaskJournal(MjTaskJournal.DefaultPath) : connection.Client.Journal;
        if (journal is null)
        {
            return Array.Empty<CompletionResult>();
        }

        IReadOnlyList<MjJournalEntry> entries;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            entries = journal.ReadRecentAsync(Offered, timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            return Array.Empty<CompletionResult>();
        }

        var typed = ButtonLabels.Unquote(wordToComplete);
        return entries
            .Where(e => e.Id.StartsWith(typed, StringComparison.Ordinal))
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(e => new CompletionResult(e.Id, e.Id, CompletionResultType.ParameterValue, ToolTip(e)))
            .ToList();
    }

    private static string ToolTip(MjJournalEntry entry)
    {
        var what = string.IsNullOrWhiteSpace(entry.Prompt)
            ? entry.ParentId is null ? string.Empty : "of " + entry.ParentId
            : entry.Prompt!.Replace('\r', ' ').Replace('\n', ' ');
        var time = entry.Time.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.CurrentCulture);
        return $"{entry.Action ?? "?"} {what} ({time})".Replace("  ", " ");
    }
}
