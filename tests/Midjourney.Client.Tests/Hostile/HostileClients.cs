using Midjourney.Hostile;

namespace Midjourney.Client.Tests.Hostile;

/// <summary>Real clients (the default handler, real sockets) against the hostile server's probes.</summary>
public static class HostileClients
{
    public const string Key = "sk-HOSTILE-KEY-3c9d51";

    /// <summary>A client of probe <paramref name="probe"/> with fast retries and no journal.</summary>
    public static MjClient Create(HostileServer server, string probe, AuthScheme scheme = AuthScheme.MjApiSecret, Action<MjClientOptions>? configure = null)
    {
        var options = new MjClientOptions(server.Probe(probe))
        {
            ApiKey = Key,
            AuthScheme = scheme,
            EnableJournal = false,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            AttemptTimeout = TimeSpan.FromSeconds(20),
            QueueFullPatience = TimeSpan.Zero,
            LostAnswerGrace = TimeSpan.FromMilliseconds(10),
        };
        configure?.Invoke(options);
        return new MjClient(options);
    }

    /// <summary>Runs <paramref name="work"/> with a hard upper bound far above what it needs, so no test can hang.</summary>
    public static async Task<T> Bounded<T>(Func<CancellationToken, Task<T>> work, int seconds = 60)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var running = work(bound.Token);
        var first = await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(seconds + 5)));
        Assert.True(first == running, $"The call did not end within the test's bound of {seconds} s.");
        return await running;
    }

    /// <summary>The exception <paramref name="work"/> ends with, within a hard bound.</summary>
    public static async Task<Exception> Failure(Func<CancellationToken, Task> work, int seconds = 60)
    {
        var error = await Bounded<Exception?>(
            async token =>
            {
                try
                {
                    await work(token);
                    return null;
                }
                catch (Exception e)
                {
                    return e;
                }
            },
            seconds);
        Assert.NotNull(error);
        return error!;
    }
}
