using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Midjourney.PowerShell.Operations.Batch;
using Midjourney.PowerShell.Output;
using Xunit;

namespace Midjourney.PowerShell.Tests.Batch;

public sealed class BatchStateFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mjbatch-tests-" + Guid.NewGuid().ToString("N"));

    private string StatePath => Path.Combine(_folder, BatchStateFile.DefaultName);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Appended_events_read_back_as_the_rows_stages()
    {
        using (var file = BatchStateFile.Open(StatePath))
        {
            Assert.Empty(file.Rows);
            file.Append(Event("r1", 1, BatchStage.Intent, e => { e.Server = "http://a/"; e.State = "mjb-1"; }));
            file.Append(Event("r1", 1, BatchStage.Submitted, e => e.Task = "t1"));
            file.Append(Event("r2", 2, BatchStage.Intent, e => { e.Server = "http://a/"; e.State = "mjb-2"; }));
            Assert.Equal(3, file.Written);
        }

        using var again = BatchStateFile.Open(StatePath);
        Assert.Equal(0, again.SkippedLines);
        var r1 = again.Rows["r1"];
        Assert.Equal("t1", r1.TaskId);
        Assert.Null(r1.PendingState);
        Assert.Equal("http://a/", r1.Server);
        var r2 = again.Rows["r2"];
        Assert.Null(r2.TaskId);
        Assert.Equal("mjb-2", r2.PendingState);
        Assert.True(r2.Started);
        Assert.False(r2.IsDone);
    }

    [Fact]
    public void A_torn_last_line_is_skipped_and_the_next_event_starts_on_its_own_line()
    {
        Directory.CreateDirectory(_folder);
        var whole = "{\"at\":\"2026-01-01T00:00:00+00:00\",\"row\":\"r1\",\"index\":1,\"stage\":\"submitted\",\"task\":\"t1\"}\n";
        File.WriteAllText(StatePath, whole + "{\"at\":\"2026-01-01T00:00:01+00:00\",\"row\":\"r1\",\"ind", new UTF8Encoding(false));

        using (var file = BatchStateFile.Open(StatePath))
        {
            Assert.Equal(1, file.SkippedLines);
            Assert.Equal("t1", file.Rows["r1"].TaskId);
            file.Append(Event("r1", 1, BatchStage.Finished, e => { e.Task = "t1"; e.Status = "Success"; }));
        }

        var lines = File.ReadAllLines(StatePath);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"at\"", lines[2], StringComparison.Ordinal);
        var (rows, skipped) = BatchStateFile.Read(File.ReadAllText(StatePath));
        Assert.Equal(1, skipped);
        Assert.Equal("Success", rows["r1"].Finished["t1"]);
    }

    [Fact]
    public void Stages_fold_in_order_to_done_and_collect_every_task()
    {
        var state = new BatchRowState("r", 4);
        Assert.Equal("new", state.Stage);
        state.Apply(Event("r", 4, BatchStage.Intent, e => { e.Server = "http://a/"; e.State = "mjb-a"; }));
        Assert.Equal("mjb-a", state.PendingState);
        state.Apply(Event("r", 4, BatchStage.Submitted, e => e.Task = "t"));
        state.Apply(Event("r", 4, BatchStage.Finished, e => { e.Task = "t"; e.Status = "Success"; }));
        state.Apply(Event("r", 4, BatchStage.ClickIntent, e => { e.Label = "U1"; e.State = "mjb-b"; }));
        Assert.Equal("mjb-b", state.PendingClicks["u1"]);
        state.Apply(Event("r", 4, BatchStage.Clicked, e => { e.Label = "U1"; e.Tasks = new List<string> { "c1" }; }));
        Assert.Empty(state.PendingClicks);
        Assert.False(state.IsDone);
        state.Apply(Event("r", 4, BatchStage.Saved, e => e.Files = new List<string> { "c1.png" }));

        Assert.True(state.IsDone);
        Assert.False(state.IsFailed);
        Assert.Equal(new[] { "t", "c1" }, state.AllTasks);
        Assert.Equal(new[] { "c1.png" }, state.Files);
        Assert.Equal(new[] { "t", "c1" }, state.AcceptedAt.Keys); // when each was accepted: proof a task list reaches back
    }

    [Fact]
    public void A_failed_row_stays_failed_until_saved()
    {
        var state = new BatchRowState("r", 1);
        state.Apply(Event("r", 1, BatchStage.Submitted, e => e.Task = "t"));
        state.Apply(Event("r", 1, BatchStage.Failed, e => e.Reason = "Task t ended Failure."));
        Assert.True(state.IsFailed);
        Assert.Equal("Task t ended Failure.", state.FailedReason);
    }

    [Fact]
    public void Foreign_and_partial_lines_are_skipped_not_fatal()
    {
        var (rows, skipped) = BatchStateFile.Read("not json\n{\"row\":\"\",\"stage\":\"saved\"}\n{}\n\n{\"row\":\"r\",\"index\":1,\"stage\":\"saved\",\"files\":[]}\n");
        Assert.Equal(3, skipped);
        Assert.True(rows["r"].IsDone);
    }

    [Fact]
    public void The_file_is_held_by_one_run_at_a_time()
    {
        using var first = BatchStateFile.Open(StatePath);
        var e = Assert.Throws<InvalidInputException>(() => BatchStateFile.Open(StatePath));
        Assert.Contains("in use", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_identity_is_content_and_position()
    {
        var columns = new[] { ("Prompt", "red mug"), ("Stylize", "100") };
        var id = BatchRow.IdentityOf(1, columns);
        Assert.Equal(id, BatchRow.IdentityOf(1, new[] { ("prompt", "red mug"), ("STYLIZE", "100") }));
        Assert.NotEqual(id, BatchRow.IdentityOf(2, columns));
        Assert.NotEqual(id, BatchRow.IdentityOf(1, new[] { ("Prompt", "red mug"), ("Stylize", "101") }));
        Assert.NotEqual(id, BatchRow.IdentityOf(1, new[] { ("Prompt", "red mug") }));
        Assert.Equal(16, id.Length);
    }

    [Theory]
    [InlineData(new[] { "U1" }, new[] { "U1" })]
    [InlineData(new[] { "u1,U2; u3" }, new[] { "U1", "U2", "U3" })]
    [InlineData(new[] { "U1", "U2", "U3", "U4" }, new[] { "U1", "U2", "U3", "U4" })]
    [InlineData(new[] { "All" }, new[] { "U1", "U2", "U3", "U4" })]
    [InlineData(new[] { "", "none" }, new string[0])]
    [InlineData(new[] { "Vary (Strong)" }, new[] { "Vary (Strong)" })]
    public void Then_reads_labels_lists_and_All(string[] given, string[] expected) =>
        Assert.Equal(expected, BatchRow.ParseThen(given));

    private static BatchEvent Event(string row, int index, string stage, Action<BatchEvent> fill)
    {
        var e = new BatchEvent { At = DateTimeOffset.UnixEpoch, Row = row, Index = index, Stage = stage };
        fill(e);
        return e;
    }
}
