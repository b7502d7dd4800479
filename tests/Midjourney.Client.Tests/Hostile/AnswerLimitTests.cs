using Midjourney.Hostile;

namespace Midjourney.Client.Tests.Hostile;

/// <summary>
/// Issue 17 item 2: memory is bounded by design. Endless bodies, gzip bombs and answers with absurd counts end as an
/// <see cref="MjLimitException"/> that names the limit, after one request (a cap trip is not retried). Peak memory of
/// the same probes is measured in a child process by tests/Hostile.Tests.ps1.
/// </summary>
public sealed class AnswerLimitTests : IAsyncLifetime
{
    private readonly HostileServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("endless", "MaxResponseBytes")]
    [InlineData("gzip", "MaxResponseBytes")]
    [InlineData("buttons", "MaxResponseBytes")]
    [InlineData("buttons-many", "MaxButtonsPerTask")]
    [InlineData("urls-many", "MaxUrlsPerTask")]
    public async Task A_fetch_over_a_limit_is_one_request_and_an_error_that_names_the_limit(string probe, string limit)
    {
        using var client = HostileClients.Create(_server, probe);
        var error = await HostileClients.Failure(token => client.GetTaskAsync("1", token));

        var over = Assert.IsType<MjLimitException>(error);
        Assert.Equal(limit, over.Limit);
        Assert.Contains("MjLimits." + limit, over.Message);
        Assert.Contains(_server.Probe(probe).AbsoluteUri.TrimEnd('/'), over.Message);
        Assert.Single(_server.Requests); // not retried
    }

    [Fact]
    public async Task A_task_list_over_the_limit_is_refused()
    {
        using var client = HostileClients.Create(_server, "tasks-many");
        var error = await HostileClients.Failure(token => client.ListTasksAsync(token));

        var over = Assert.IsType<MjLimitException>(error);
        Assert.Equal(nameof(MjLimits.MaxTasksPerList), over.Limit);
        Assert.Contains("100,001 tasks", over.Message);
    }

    [Fact]
    public async Task A_wait_on_an_endless_answer_ends_with_the_limit_error_not_a_hang()
    {
        using var client = HostileClients.Create(_server, "gzip");
        var error = await HostileClients.Failure(token => client.WaitAsync("1", new MjWaitOptions { MinPollInterval = TimeSpan.FromMilliseconds(10), MaxPollInterval = TimeSpan.FromMilliseconds(20) }, token));

        Assert.IsType<MjLimitException>(error);
    }

    [Fact]
    public async Task A_submit_answered_without_end_is_reported_as_ambiguous_never_sent_twice()
    {
        using var client = HostileClients.Create(_server, "endless");
        var error = await HostileClients.Failure(token => client.ImagineAsync(new MjImagineRequest("a cat"), token));

        var ambiguous = Assert.IsType<MjAmbiguousSubmitException>(error);
        Assert.Contains("MaxResponseBytes", ambiguous.Message);
        Assert.Single(_server.Requests, r => r.Method == "POST" && r.ApiPath == "/mj/submit/imagine");
    }
}
