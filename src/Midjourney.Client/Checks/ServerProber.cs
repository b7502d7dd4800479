using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// Checks a server with free requests only, never a submit (reference §2.0, §2.15, §4.2, §4.3):
/// <list type="number">
/// <item>GET <c>/mj/task/{made-up id}/fetch</c>: reachable, key, proxy or not, and the flavour from its "no such task" answer
/// (novicezk/Plus 200 empty, TrueAI 204, new-api 400 <c>task_no_found</c>, taskapi 404 <c>TASK_NOT_FOUND</c>);</item>
/// <item>on 401/403, the same GET with the other auth schemes, to suggest the one that works;</item>
/// <item>POST <c>list-by-condition</c> and <c>list-by-ids</c> with the made-up id (queries): batch polling, Plus vs novicezk;</item>
/// <item>GET <c>/mj-fast/mj/task/{id}/fetch</c>: speed prefixes;</item>
/// <item>GET on the submit routes: a server refuses a GET with 405 where the route exists and 404 where it does not
/// (Spring, ASP.NET Core); a server that answers 404 even for <c>/mj/submit/imagine</c> hides its routes (Gin), and its
/// endpoints are then taken from its flavour;</item>
/// <item>TrueAI: who the server takes the key for (GET <c>/mj/admin/current</c>, which answers even a guest) and
/// whether it runs in guest mode (a fetch with a made-up key is served instead of refused).</item>
/// </list>
/// Every read is retried like any read of the client (429, 5xx, a reset, a cut body), so one bad answer during the
/// check is never taken for a verdict such as "not a proxy".
/// </summary>
internal sealed class ServerProber
{
    /// <summary>A task id no server has: 16 digits like real ids, from 2001.</summary>
    public const string MadeUpId = "1000000000000001";

    /// <summary>A key no server has, to see whether the server serves an unknown key (guest mode) or refuses it.</summary>
    public const string MadeUpKey = "mj-check-no-such-key-1000000000000001";

    private readonly MjClient _client;
    private readonly MjTransport _transport;
    private CancellationToken _caller; // the caller's own token: Ctrl+C, as opposed to the check's deadline

    public ServerProber(MjClient client, MjTransport transport)
    {
        _client = client;
        _transport = transport;
    }

    /// <summary>
    /// The check, ended at <paramref name="timeout"/> whatever the server does: a request still in flight then is
    /// cancelled, and what the check had not learnt stays unknown (its <see cref="MjServerCheck.Problem"/> says so).
    /// </summary>
    public async Task<MjServerCheck> CheckAsync(bool keySent, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var check = new MjServerCheck { Uri = _transport.BaseAddress, AuthScheme = _client.AuthScheme, KeySent = keySent };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout > TimeSpan.Zero ? timeout : MjLimits.CheckTimeout);
        _caller = cancellationToken;
        try
        {
            await RunAsync(check, deadline.Token).ConfigureAwait(false);
        }
        finally
        {
            check.Elapsed = watch.Elapsed;
        }

        if (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var seconds = $"{(timeout > TimeSpan.Zero ? timeout : MjLimits.CheckTimeout).TotalSeconds:0.#} s";
            check.Problem = check.Reachable
                ? $"{check.Uri} answered the check too slowly: it was stopped after {seconds} (MjClientOptions.CheckTimeout), and what it had not learnt is unknown. {(check.Problem is null ? string.Empty : check.Problem + " ")}The server is slow or overloaded; try again later."
                : $"{check.Uri} did not answer the check within {seconds} (MjClientOptions.CheckTimeout). The server is slow or overloaded; try again later.";
        }

        return check;
    }

    /// <summary>True when the fetch route exists (the server is a proxy); null when that cannot be told.</summary>
    public async Task<bool?> HasFetchRouteAsync(CancellationToken cancellationToken)
    {
        _caller = cancellationToken;
        try
        {
            var answer = await _transport.CheckReadAsync(HttpMethod.Get, ApiPaths.Fetch(MadeUpId), null, _client.AuthScheme, cancellationToken).ConfigureAwait(false);
            return ClassifyFetch(answer) switch
            {
                FetchAnswer.NotAProxy => false,
                FetchAnswer.Other => null,
                _ => true,
            };
        }
        catch (Exception e) when (IsTransport(e, cancellationToken) || e.InnerException is RedirectRefusedException || e is MjLimitException)
        {
            return null;
        }
    }

    private async Task RunAsync(MjServerCheck check, CancellationToken cancellationToken)
    {
        var scheme = _client.AuthScheme;
        var fetchPath = ApiPaths.Fetch(MadeUpId);
        MjHttpResponse first;
        try
        {
            first = await GetAsync(fetchPath, scheme, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransport(e, cancellationToken))
        {
            check.Problem = $"{ConnectFailures.Describe(e, check.Uri, "GET " + fetchPath)} {ConnectFailures.Advice(e, check.Uri, checking: true)}";
            return;
        }
        catch (MjApiException e) when (e.InnerException is RedirectRefusedException || e is MjLimitException)
        {
            // A redirect elsewhere, an answer without end: the server answered, but nothing a proxy would say.
            check.Reachable = true;
            check.Problem = e.Message;
            return;
        }

        check.Reachable = true;
        if (first.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            check.IsProxy = true;
            check.KeyAccepted = false;
            foreach (AuthScheme other in Enum.GetValues(typeof(AuthScheme)))
            {
                if (!check.KeySent || other == scheme)
                {
                    continue;
                }

                var retry = await TryGetAsync(fetchPath, other, cancellationToken).ConfigureAwait(false);
                if (retry is not null && retry.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
                {
                    check.SuggestedAuthScheme = other;
                    scheme = other;
                    first = retry;
                    break;
                }
            }

            check.Problem = !check.KeySent
                ? $"{check.Uri} needs an API key and none was given. Give it with -ApiKey (or MJ_API_KEY)."
                : check.SuggestedAuthScheme is { } better
                    ? $"{check.Uri} refused the key sent as {check.AuthScheme} but accepts it as {better}. Connect with -AuthScheme {better}."
                    : $"{check.Uri} refused the key ({(int)first.StatusCode} {first.StatusCode}) sent as MjApiSecret, Bearer and Raw alike. Check the key.";
            if (check.SuggestedAuthScheme is null)
            {
                return;
            }
        }
        else
        {
            check.KeyAccepted = true;
        }

        var kind = ClassifyFetch(first);
        if (kind == FetchAnswer.NotAProxy)
        {
            check.IsProxy = false;
            check.KeyAccepted = null;
            check.Problem = _transport.Errors.RouteNotFound(fetchPath).Message.Split('\n')[0];
            return;
        }

        if (kind == FetchAnswer.Other)
        {
            check.IsProxy = first.Status < 500 ? false : (bool?)null;
            check.KeyAccepted = null;
            check.Problem = first.Status >= 500
                ? $"{check.Uri} answered {first.Status} {first.StatusCode} to a free task query: the server is failing. Try again later, or ask its administrator."
                : $"{check.Uri} answered {first.Status} {first.StatusCode} to GET {fetchPath}, which is not how a midjourney-proxy answers. Check -Uri: give the proxy's root, the part before /mj.";
            return;
        }

        check.IsProxy = true;
        check.BatchQuery = await RouteAnswersAsync(HttpMethod.Post, ApiPaths.ListByCondition, scheme, cancellationToken).ConfigureAwait(false);
        var listByIds = await RouteAnswersAsync(HttpMethod.Post, "/mj/task/list-by-ids", scheme, cancellationToken).ConfigureAwait(false);
        check.SpeedPrefixes = await SameAnswerAsync("/mj-fast" + fetchPath, first, scheme, cancellationToken).ConfigureAwait(false);
        check.Flavor = kind switch
        {
            FetchAnswer.TrueAi => "trueai",
            FetchAnswer.Gateway => "gateway",
            FetchAnswer.TaskApi => "taskapi",
            _ when listByIds == true => "plus",
            _ when listByIds == false => "novicezk",
            _ => null,
        };

        // GET on a POST route: 405 where it exists, 404 where it does not; unless even imagine is 404 (routes hidden).
        var revealsRoutes = await SubmitRouteAsync("imagine", scheme, cancellationToken).ConfigureAwait(false) == true;
        if (revealsRoutes)
        {
            check.Action = await SubmitRouteAsync("action", scheme, cancellationToken).ConfigureAwait(false);
            check.Change = await SubmitRouteAsync("change", scheme, cancellationToken).ConfigureAwait(false);
            check.Video = await SubmitRouteAsync("video", scheme, cancellationToken).ConfigureAwait(false);
        }
        else if (check.Flavor == "gateway")
        {
            // new-api relays action and change (reference §2.0); video depends on the gateway's version.
            check.Action = true;
            check.Change = true;
        }

        if (check.Flavor == "trueai")
        {
            await CheckAccessAsync(check, scheme, cancellationToken).ConfigureAwait(false);
        }

        if (check.KeyAccepted == true)
        {
            Remember(check);
        }
    }

    /// <summary>
    /// TrueAI: guest mode and who the key is. In guest mode (its default) the server serves a request without a known
    /// key as a guest's instead of refusing it, so a fetch that works proves nothing about the key: only
    /// <c>/mj/admin/current</c> says whether the key is a user's, the administrator's, or unknown (a guest).
    /// </summary>
    private async Task CheckAccessAsync(MjServerCheck check, AuthScheme scheme, CancellationToken cancellationToken)
    {
        check.Role = await RoleAsync(scheme, cancellationToken).ConfigureAwait(false);
        if (check.Role is { } role)
        {
            _client.Capabilities.Role = role; // a fact about this key as this client sends it: the admin API asks no more
        }

        if (!check.KeySent || check.Role == MjServerRole.Guest)
        {
            check.GuestMode = true; // served without a key, or with a key it does not know: guest mode
        }
        else
        {
            var stranger = await TryAsync(HttpMethod.Get, ApiPaths.Fetch(MadeUpId), null, AuthScheme.Raw, cancellationToken, MadeUpKey).ConfigureAwait(false);
            check.GuestMode = stranger is null ? null
                : stranger.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? false
                : ClassifyFetch(stranger) == FetchAnswer.TrueAi ? true
                : null;
        }

        var notes = new List<string>();
        if (check.KeySent && check.Role == MjServerRole.Guest)
        {
            // The key was not taken for anyone: wrong, or sent in a header this server does not read for keys.
            foreach (AuthScheme other in Enum.GetValues(typeof(AuthScheme)))
            {
                if (other != scheme && await RoleAsync(other, cancellationToken).ConfigureAwait(false) is MjServerRole known and not MjServerRole.Guest)
                {
                    check.SuggestedAuthScheme = other;
                    check.Role = known;
                    break;
                }
            }

            check.KeyAccepted = false;
            check.Problem = check.SuggestedAuthScheme is { } better
                ? $"{check.Uri} does not know the key sent as {check.AuthScheme} (it serves it as a guest's) but knows it sent as {better}. Connect with -AuthScheme {better}."
                : $"{check.Uri} runs in guest mode and does not know this key: it serves every request with it as a guest's, and a guest cannot cancel tasks or use admin routes. Check the key, or connect without -ApiKey to work as a guest.";
        }
        else if (check.KeySent && check.Role is null && check.GuestMode == true)
        {
            check.KeyAccepted = null;
            notes.Add($"{check.Uri} runs in guest mode, so it serves any key: this check cannot tell whether it knows this one (it does not say who the key is).");
        }
        else if (!check.KeySent && check.GuestMode == true)
        {
            notes.Add($"{check.Uri} runs in guest mode: without a key you work as a guest, who cannot cancel tasks (Stop-MjTask) or use admin routes; only the administrator's key can.");
        }

        if (check.KeyAccepted != false && check.Role == MjServerRole.User)
        {
            notes.Add("This key is a user's, not the administrator's: the server lets only its administrator cancel tasks (Stop-MjTask) and use admin routes.");
        }

        if (check.KeySent && check.KeyAccepted != false && check.GuestMode == true && check.Role is not null)
        {
            notes.Add($"{check.Uri} also runs in guest mode: it serves requests without a known key as a guest's.");
        }

        check.Notes = notes.Count == 0 ? null : string.Join(" ", notes);
    }

    /// <summary>Who TrueAI takes the key (sent as <paramref name="scheme"/>) for; null when it does not say.</summary>
    private async Task<MjServerRole?> RoleAsync(AuthScheme scheme, CancellationToken cancellationToken)
    {
        var answer = await TryGetAsync(CurrentUserAnswer.Path, scheme, cancellationToken).ConfigureAwait(false);
        return answer is null || answer.Status != 200 ? null : CurrentUserAnswer.Role(answer.Body);
    }

    /// <summary>What was found is what the client would otherwise learn one failed request at a time.</summary>
    private void Remember(MjServerCheck check)
    {
        if (check.BatchQuery is bool batch)
        {
            _client.Capabilities.HasBatchQuery = batch;
        }

        if (check.Action is bool action)
        {
            _client.Capabilities.HasAction = action;
        }

        if (check.Change is bool change)
        {
            _client.Capabilities.HasChange = change;
        }

        if (check.Flavor is { } flavor)
        {
            // Reference §2.0: only Plus and TrueAI have cancel, only Plus the paged task query, gateways no task list.
            _client.Capabilities.Flavor = flavor;
            _client.Capabilities.HasCancel ??= flavor is "plus" or "trueai";
            _client.Capabilities.HasTaskQuery ??= flavor == "plus";
            _client.Capabilities.HasList ??= flavor is not ("gateway" or "taskapi");
        }
    }

    private async Task<bool?> RouteAnswersAsync(HttpMethod method, string path, AuthScheme scheme, CancellationToken cancellationToken)
    {
        var body = method == HttpMethod.Post ? Encoding.UTF8.GetBytes($"{{\"ids\":[\"{MadeUpId}\"]}}") : null;
        var answer = await TryAsync(method, path, body, scheme, cancellationToken).ConfigureAwait(false);
        return answer is null ? null
            : answer.Status < 300 ? true
            : answer.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed ? false
            : null;
    }

    private async Task<bool?> SubmitRouteAsync(string endpoint, AuthScheme scheme, CancellationToken cancellationToken)
    {
        var answer = await TryGetAsync(ApiPaths.Submit(endpoint, SpeedMode.Default), scheme, cancellationToken).ConfigureAwait(false);
        return answer?.StatusCode switch
        {
            HttpStatusCode.MethodNotAllowed => true,
            HttpStatusCode.NotFound => false,
            _ => null,
        };
    }

    private async Task<bool?> SameAnswerAsync(string path, MjHttpResponse plain, AuthScheme scheme, CancellationToken cancellationToken)
    {
        var answer = await TryGetAsync(path, scheme, cancellationToken).ConfigureAwait(false);
        return answer is null ? null
            : ClassifyFetch(answer) == ClassifyFetch(plain) ? true
            : answer.StatusCode == HttpStatusCode.NotFound ? false
            : null;
    }

    private Task<MjHttpResponse> GetAsync(string path, AuthScheme scheme, CancellationToken cancellationToken) =>
        _transport.CheckReadAsync(HttpMethod.Get, path, null, scheme, cancellationToken);

    private Task<MjHttpResponse?> TryGetAsync(string path, AuthScheme scheme, CancellationToken cancellationToken) =>
        TryAsync(HttpMethod.Get, path, null, scheme, cancellationToken);

    private async Task<MjHttpResponse?> TryAsync(HttpMethod method, string path, byte[]? body, AuthScheme scheme, CancellationToken cancellationToken, string? apiKey = null)
    {
        try
        {
            return await _transport.CheckReadAsync(method, path, body, scheme, cancellationToken, apiKey).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransport(e, cancellationToken) || e.InnerException is RedirectRefusedException || e is MjLimitException)
        {
            return null;
        }
    }

    /// <summary>A failure below HTTP, or the check's deadline (a cancellation the caller did not ask for).</summary>
    private bool IsTransport(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or TimeoutException or System.IO.IOException
        || (e is OperationCanceledException && (!cancellationToken.IsCancellationRequested || !_caller.IsCancellationRequested));

    private enum FetchAnswer
    {
        NovicezkOrPlus,
        TrueAi,
        Gateway,
        TaskApi,
        NotAProxy,
        Other,
    }

    /// <summary>How the server answered a fetch of a task it cannot have (reference §2.15).</summary>
    private static FetchAnswer ClassifyFetch(MjHttpResponse answer)
    {
        if (answer.StatusCode == HttpStatusCode.NoContent)
        {
            return FetchAnswer.TrueAi;
        }

        if (answer.Status == 200 && (answer.IsEmpty || IsJson(answer.Body)))
        {
            return FetchAnswer.NovicezkOrPlus;
        }

        var text = Encoding.UTF8.GetString(answer.Body);
        if (answer.Status is 400 or 404 && text.IndexOf("task_no", StringComparison.OrdinalIgnoreCase) >= 0 && text.IndexOf("_found", StringComparison.OrdinalIgnoreCase) >= 0
            && text.IndexOf("TASK_NOT_FOUND", StringComparison.Ordinal) < 0)
        {
            return FetchAnswer.Gateway;
        }

        if (answer.Status == 404 && text.IndexOf("TASK_NOT_FOUND", StringComparison.Ordinal) >= 0)
        {
            return FetchAnswer.TaskApi;
        }

        if (answer.Status == 404 && SubmitEnvelope.TryRead(answer.Body, out _))
        {
            return FetchAnswer.NovicezkOrPlus; // an envelope: some proxy that answers a missing task with code 3
        }

        if (answer.Status == 404 || (answer.Status == 200 && !IsJson(answer.Body)))
        {
            return FetchAnswer.NotAProxy;
        }

        return FetchAnswer.Other;
    }

    private static bool IsJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
