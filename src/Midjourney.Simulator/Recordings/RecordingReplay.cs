using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Simulator.Recordings;

/// <summary>One replayed request: the real answer, the simulator's, and what a client would see differ.</summary>
internal sealed record ReplayResult(RecordedExchange Exchange, ClientView Real, ClientView Simulator, IReadOnlyList<string> Differences)
{
    /// <summary>compare.py's line: '!!' when a client sees a difference.</summary>
    public override string ToString() =>
        $"{(Differences.Count > 0 ? "!!" : "  ")} {Exchange.Name,-24} REAL: {Real,-60} | SIM: {Simulator}" + (Differences.Count > 0 ? $"  [{string.Join(',', Differences)}]" : "");
}

/// <summary>
/// Replays a recording of the real server against an in-process simulator in the matching mode
/// (<see cref="ReplayMode"/>) and compares each answer the way <c>compare.py</c> does.
/// </summary>
internal static class RecordingReplay
{
    /// <summary>Replays every request of the recording at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a replayable recording.</exception>
    public static async Task<IReadOnlyList<ReplayResult>> RunAsync(string path, CancellationToken cancellationToken = default)
    {
        Recording recording = Recording.Load(path);
        ReplayMode mode = ReplayMode.For(recording.Name)
            ?? throw new InvalidDataException($"{Path.GetFileName(path)} is not a recording this replay knows the server settings of.");
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 6, 23, 45, 0, TimeSpan.Zero));
        var options = new SimulatorOptions { Flavor = SimulatorFlavor.TrueAi, TimeProvider = clock, Concurrency = 1 };
        mode.Configure(options);

        await using MjSimulator simulator = await MjSimulator.StartAsync(options, cancellationToken);
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var substitutions = new List<KeyValuePair<string, string>>();
        if (mode.SeedAccountsFrom is { } seed) simulator.Accounts.Replace(ReplayAccounts.From(recording, seed));
        if (mode.NeedsTasks)
        {
            IReadOnlyDictionary<string, string> made = await ReplayTasks.MakeAsync(http, clock, cancellationToken);
            simulator.NoAccounts = true; // the real server had tasks in its database but no account
            IReadOnlyDictionary<string, string> real = recording.Ids.Count > 0 ? recording.Ids : mode.RealIds;
            foreach (KeyValuePair<string, string> role in real)
            {
                if (made.TryGetValue(role.Key, out string? mine)) substitutions.Add(new(role.Value, mine));
            }
        }

        var results = new List<ReplayResult>(recording.Exchanges.Count);
        foreach (RecordedExchange exchange in recording.Exchanges)
        {
            ClientView actual = await SendAsync(http, exchange, mode, substitutions, cancellationToken);
            ClientView expected = ClientView.Of(exchange);
            results.Add(new ReplayResult(exchange, expected, actual, ClientView.Differences(expected, actual)));
        }

        return results;
    }

    private static async Task<ClientView> SendAsync(HttpClient http, RecordedExchange exchange, ReplayMode mode,
        IReadOnlyList<KeyValuePair<string, string>> substitutions, CancellationToken cancellationToken)
    {
        string? body = exchange.RequestBody ?? CaptureKit.BodyOf(exchange.Name);
        using var request = new HttpRequestMessage(new HttpMethod(exchange.Method), Substitute(exchange.Path, substitutions));
        IReadOnlyDictionary<string, string> headers = exchange.SentHeaders ?? mode.DefaultHeaders;
        string? contentType = headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Substitute(body, substitutions)));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "application/json");
        }

        foreach (KeyValuePair<string, string> header in headers)
        {
            if (!header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
            string text = await response.Content.ReadAsStringAsync(cancellationToken);
            return ClientView.Of((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text);
        }
        catch (HttpRequestException exception)
        {
            return new ClientView(null, "", null, null, false, null, exception.Message);
        }
    }

    private static string Substitute(string text, IReadOnlyList<KeyValuePair<string, string>> substitutions)
    {
        foreach (KeyValuePair<string, string> pair in substitutions) text = text.Replace(pair.Key, pair.Value, StringComparison.Ordinal);
        return text;
    }
}
