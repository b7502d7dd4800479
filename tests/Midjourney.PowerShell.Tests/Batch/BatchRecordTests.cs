using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.PowerShell.Imaging;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Operations.Batch;
using Midjourney.PowerShell.Tests.Support;
using Xunit;

namespace Midjourney.PowerShell.Tests.Batch;

/// <summary>
/// What a batch leaves for the morning (Export-MjGallery, Get-MjImageInfo): the state file says what each row asked
/// for, and each saved PNG carries its task's facts and buttons, as Save-MjImage's do.
/// </summary>
public class BatchRecordTests
{
    [Fact]
    public async Task The_state_file_records_each_rows_prompt_and_the_saved_pngs_carry_their_tasks_facts()
    {
        await using var sim = await SimHarness.StartAsync();
        var output = Path.Combine(sim.Folder, "night");
        var rows = new[] { "red fox in snow --ar 3:2", "a blood moon" }.Select((prompt, i) =>
            new BatchRow(i + 1, BatchRow.IdentityOf(i + 1, new[] { ("Prompt", prompt) }), prompt) { Options = new NewImagineOptions { Prompt = prompt } }).ToList();
        var options = new BatchOptions
        {
            Rows = rows,
            OutputPath = output,
            StatePath = Path.Combine(output, BatchStateFile.DefaultName),
            Connections = new[] { sim.Connection },
            PollInterval = SimHarness.Poll,
        };

        await new InvokeBatchOperation(sim.Session).RunAsync(options, new RecordingOutput(), CancellationToken.None);

        var (states, _) = BatchStateFile.Read(File.ReadAllText(options.StatePath));
        var done = states.Values.Single(r => r.Index == 1);
        var failed = states.Values.Single(r => r.Index == 2);
        Assert.Equal("red fox in snow --ar 3:2", done.Prompt);
        Assert.Equal("a blood moon", failed.Prompt); // TrueAI takes a banned word, then fails the task
        Assert.True(failed.IsFailed);
        var facts = ImageMetadata.Read(Path.Combine(output, done.Files!.Single()));
        Assert.Equal(("PngText", done.TaskId, "IMAGINE", "red fox in snow --ar 3:2"), (facts.Source, facts.TaskId, facts.Action, facts.Prompt));
        Assert.Equal(new[] { "U1", "U2", "U3", "U4", "🔄", "V1", "V2", "V3", "V4" }, facts.Buttons);
    }
}
