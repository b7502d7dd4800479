using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Output;
using Midjourney.PowerShell.Tests.Support;
using Xunit;

namespace Midjourney.PowerShell.Tests.Operations;

public class ValidationAndSecrecyTests
{
    [Fact]
    public async Task Bad_input_is_refused_before_any_request()
    {
        await using var sim = await SimHarness.StartAsync();
        var grid = await sim.ImagineAndWaitAsync();
        var before = sim.Submits();
        var notPng = Path.Combine(sim.Folder, "mask.jpg");
        await File.WriteAllBytesAsync(notPng, new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 });
        var missing = Path.Combine(sim.Folder, "missing.png");
        var output = new RecordingOutput();

        await new InvokeButtonOperation(sim.Session).ProcessAsync(new InvokeButtonOptions { Task = grid, Index = 5 }, output, CancellationToken.None);
        await new NewBlendOperation(sim.Session).ProcessAsync(new NewBlendOptions { Images = new[] { "https://example.com/a.png" } }, output, CancellationToken.None);
        await new NewBlendOperation(sim.Session).ProcessAsync(new NewBlendOptions { Images = new[] { "https://e.com/1.png", "https://e.com/2.png", "https://e.com/3.png", "https://e.com/4.png", "https://e.com/5.png", "https://e.com/6.png" } }, output, CancellationToken.None);
        await new InvokeButtonOperation(sim.Session).ProcessAsync(new InvokeButtonOptions { Task = grid, Label = "V1", MaskPath = notPng }, output, CancellationToken.None);
        await new NewImagineOperation(sim.Session).ProcessAsync(new NewImagineOptions { Prompt = "a mug", Images = new[] { missing } }, output, CancellationToken.None);
        await new NewImagineOperation(sim.Session).ProcessAsync(new NewImagineOptions { Prompt = "  " }, output, CancellationToken.None);

        Assert.Equal(6, output.Errors.Count);
        Assert.Equal(MjErrorIds.ButtonNotFound, output.Errors[0].ErrorId);
        Assert.Equal(MjErrorIds.InvalidInput, output.Errors[1].ErrorId);
        Assert.Contains("1 given", output.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("6 given", output.Errors[2].Message, StringComparison.Ordinal);
        Assert.Equal(MjErrorCategory.InvalidData, output.Errors[3].Category);
        Assert.Equal(MjErrorCategory.ObjectNotFound, output.Errors[4].Category);
        Assert.Equal(missing, output.Errors[4].Target);
        Assert.Equal(MjErrorIds.InvalidInput, output.Errors[5].ErrorId);
        Assert.Empty(output.ShouldProcessCalls);
        Assert.Equal(before, sim.Submits());
    }

    [Fact]
    public async Task Submit_MjModal_refuses_a_task_that_is_not_modal_and_two_masks()
    {
        await using var sim = await SimHarness.StartAsync();
        var grid = await sim.ImagineAndWaitAsync();
        var output = new RecordingOutput();

        await new SubmitModalOperation(sim.Session).ProcessAsync(new SubmitModalOptions { Task = grid, Prompt = "x" }, output, CancellationToken.None);
        await new SubmitModalOperation(sim.Session).ProcessAsync(new SubmitModalOptions { Id = "1", MaskPath = "a.png", MaskBase64 = "AAAA" }, output, CancellationToken.None);

        Assert.All(output.Errors, e => Assert.Equal(MjErrorIds.InvalidInput, e.ErrorId));
        Assert.Equal(2, output.Errors.Count);
        Assert.Equal(1, sim.Submits()); // the imagine only
    }

    [Fact]
    public async Task Without_any_connection_it_is_terminating_MjNotConnected()
    {
        var session = new MjSession(_ => null);
        var output = new RecordingOutput();

        var e = await Assert.ThrowsAsync<MjTerminatingException>(() =>
            new NewImagineOperation(session).ProcessAsync(new NewImagineOptions { Prompt = "a mug" }, output, CancellationToken.None));

        Assert.Equal(MjErrorIds.NotConnected, e.Error.ErrorId);
        Assert.Equal(MjErrorCategory.ConnectionError, e.Error.Category);
        Assert.Contains("Connect-MjServer", e.Message, StringComparison.Ordinal);
        Assert.Contains("MJ_BASE_URL", e.Message, StringComparison.Ordinal);
        var wait = new WaitTaskOperation(session);
        wait.Add("1");
        await Assert.ThrowsAsync<MjTerminatingException>(() => wait.EndAsync(new WaitTaskOptions(), output, CancellationToken.None));
    }

    [Fact]
    public async Task The_environment_connection_is_used_when_nothing_is_connected()
    {
        await using var sim = await SimHarness.StartAsync();
        var env = new System.Collections.Generic.Dictionary<string, string?>
        {
            ["MJ_BASE_URL"] = sim.Simulator.BaseAddress.ToString(),
            ["MJ_API_KEY"] = "test-key",
        };
        var session = new MjSession(name => env.TryGetValue(name, out var v) ? v : null);
        var output = new RecordingOutput();

        await new GetTaskOperation(session).ProcessIdsAsync(new GetTaskByIdOptions { Ids = new[] { "42" } }, output, CancellationToken.None);

        // The request reached the server with the key (a 401 would be MjAuthenticationFailed).
        Assert.Equal(MjErrorIds.TaskNotFound, Assert.Single(output.Errors).ErrorId);
    }

    [Fact]
    public async Task The_key_never_appears_in_output_verbose_or_errors()
    {
        const string Key = "sk-TOPSECRET-7f3a9c21e5";
        await using var sim = await SimHarness.StartAsync(apiKey: Key);
        var output = new RecordingOutput();
        await new NewImagineOperation(sim.Session).ProcessAsync(new NewImagineOptions { Prompt = "a mug", Wait = true, PollInterval = SimHarness.Poll }, output, CancellationToken.None);
        await new NewImagineOperation(sim.Session).ProcessAsync(new NewImagineOptions { Prompt = "a mug --sim-fail", SkipParameterCheck = true, Wait = true, PollInterval = SimHarness.Poll }, output, CancellationToken.None);
        await new GetServerOperation(sim.Session).RunAsync(null, output, CancellationToken.None);
        Assert.Equal(MjTaskStatus.Success, output.Tasks[0].Status);

        // A wrong key: the server refuses, the error must not echo either key.
        var wrong = new MjSession(_ => null);
        var connectWrong = SimHarness.Connect(sim.Simulator.BaseAddress, Key + "-wrong", AuthScheme.Raw, sim.Folder);
        var refused = await Assert.ThrowsAsync<MjTerminatingException>(() => new ConnectServerOperation(wrong).RunAsync(connectWrong, output, CancellationToken.None));
        Assert.Equal(MjErrorIds.AuthenticationFailed, refused.Error.ErrorId);
        Assert.Null(wrong.Default); // the check refused the key: nothing was registered
        connectWrong.SkipCheck = true;
        await new ConnectServerOperation(wrong).RunAsync(connectWrong, output, CancellationToken.None);
        await new NewImagineOperation(wrong).ProcessAsync(new NewImagineOptions { Prompt = "a mug" }, output, CancellationToken.None);
        Assert.Contains(output.Errors, e => e.ErrorId == MjErrorIds.AuthenticationFailed);

        var text = output.AllText() + sim.Connection + wrong.Default + refused.Error.Message + refused.Error.RecommendedAction;
        Assert.NotEmpty(output.Verbose);
        Assert.DoesNotContain("TOPSECRET", text, StringComparison.Ordinal);
    }
}
