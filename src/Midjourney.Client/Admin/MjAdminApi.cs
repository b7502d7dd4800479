using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// A proxy's administration (<see cref="MjClient.Admin"/>): its Midjourney accounts (TrueAI <c>/mj/admin/*</c>, Plus and
/// novicezk <c>/mj/account/*</c>), and TrueAI's users and banned words. Secrets in the answers (account tokens, cookies,
/// logins, passwords, 2FA, user tokens) are dropped while reading (<see cref="MjAccount"/>). A flavour without an
/// operation throws <see cref="MjNotSupportedException"/> before sending it; a key that is not the administrator's throws
/// <see cref="MjNotSupportedException"/> with <see cref="MjNotSupportedException.NeedsAdministrator"/>: before the request
/// where the server can tell (TrueAI's <c>/mj/admin/current</c>), else from its 401.
/// </summary>
public sealed partial class MjAdminApi
{
    private const int PageSize = 100;
    private const int MaxPages = 100;
    private const int TokenBytes = 32;

    private readonly MjClient _client;
    private readonly MjTransport _transport;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _capacityReadTimeout;
    private volatile object? _isAdministrator;
    private int _capacityTried;

    internal MjAdminApi(MjClient client, MjTransport transport, TimeSpan attemptTimeout, TimeSpan capacityReadTimeout)
    {
        _client = client;
        _transport = transport;
        _attemptTimeout = attemptTimeout > TimeSpan.Zero ? attemptTimeout : TimeSpan.FromSeconds(100);
        _capacityReadTimeout = capacityReadTimeout > TimeSpan.Zero ? capacityReadTimeout : MjLimits.CapacityReadTimeout;
    }

    /// <summary>True when the key is the administrator's, false when the server said it is not, null before anything told.</summary>
    public bool? IsAdministrator { get => (bool?)_isAdministrator; private set => _isAdministrator = value; }

    /// <summary>
    /// Tells, without sending <paramref name="operation"/> itself, whether this server and key allow it: throws
    /// <see cref="MjNotSupportedException"/> when the flavour lacks it (after a check with free requests when the flavour
    /// is not known yet), or when TrueAI says the key is not its administrator's (<c>GET /mj/admin/current</c>).
    /// A server that cannot tell the key's role beforehand refuses it when it is sent.
    /// </summary>
    public async Task CheckAsync(MjAdminOperation operation, CancellationToken cancellationToken = default) =>
        await RoutesAsync(operation, cancellationToken).ConfigureAwait(false);

    /// <summary>The flavour's routes, after the checks that need no request to the operation itself.</summary>
    private async Task<AdminRoutes> RoutesAsync(MjAdminOperation operation, CancellationToken cancellationToken)
    {
        if (_client.Capabilities.Flavor is null && _client.Capabilities.Role is null)
        {
            // Free requests only; the flavour decides which routes exist. A key the server refuses outright (a connection
            // made with -SkipCheck) is that refusal, as Connect-MjServer says it, not "the server could not be checked".
            var check = await _client.CheckServerAsync(cancellationToken).ConfigureAwait(false);
            if (check.KeyAccepted == false && check.Flavor is null && check.Role is null)
            {
                throw check.KeyRefused();
            }
        }

        // Only TrueAI tells a key's role: a check that learnt one (a wrong key, which it does not accept) means TrueAI.
        var flavor = _client.Capabilities.Flavor ?? (_client.Capabilities.Role is null ? null : "trueai");
        var routes = AdminRoutes.For(flavor);
        if (!routes.Has(operation))
        {
            throw Unsupported(operation, flavor);
        }

        await RequireAdministratorAsync(routes, cancellationToken).ConfigureAwait(false);
        return routes;
    }

    /// <summary>
    /// TrueAI tells a key's role (<c>GET /mj/admin/current</c>, free; the server check asks it too): a user's or a guest's
    /// key is refused before any admin request.
    /// </summary>
    private async Task RequireAdministratorAsync(AdminRoutes routes, CancellationToken cancellationToken)
    {
        if (IsAdministrator is null && routes.CurrentUser is { } current)
        {
            if (_client.Capabilities.Role is null)
            {
                try
                {
                    var answer = await _transport.ProbeAsync(HttpMethod.Get, current, null, _client.AuthScheme, _attemptTimeout, cancellationToken).ConfigureAwait(false);
                    if (answer.Status < 300 && CurrentUserAnswer.Role(answer.Body) is { } said)
                    {
                        _client.Capabilities.Role = said;
                    }
                    else if (answer.Status is 401 or 403)
                    {
                        IsAdministrator = false;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
                {
                    Trace($"could not ask {current} for the key's role: {e.Message}");
                }
            }

            if (_client.Capabilities.Role is { } role)
            {
                IsAdministrator = role == MjServerRole.Admin;
            }
        }

        if (IsAdministrator == false)
        {
            throw NeedsAdministrator(routes, null, _client.Capabilities.Role is { } role and not MjServerRole.Admin && routes.CurrentUser is { } path
                ? $"No request was sent: {_transport.Errors.Url(path)} gives this key the role {role.ToString().ToUpperInvariant()}."
                : "No request was sent: the server refused this key on its admin routes before.");
        }
    }

    /// <summary>
    /// One page of a list (all of a list that has no pages). Its items are measured against <paramref name="budget"/>
    /// before anything is built from them; items that are not JSON objects are skipped, as in a task list.
    /// </summary>
    private async Task<(IReadOnlyList<T> Items, int? Total)> ReadListAsync<T>(HttpMethod method, string path, string? body, Func<JsonElement, Uri, T> read, AdminReadBudget budget, CancellationToken cancellationToken)
    {
        var bytes = body is null ? null : Encoding.UTF8.GetBytes(body);
        var (list, total, size) = await _transport.ReadAsync(method, path, bytes, response =>
        {
            Admitted(response);
            if (response.IsEmpty)
            {
                return ((IReadOnlyList<T>)Array.Empty<T>(), (int?)null, (0, 0L));
            }

            try
            {
                Precheck(budget, response);
                using var document = JsonDocument.Parse(response.Body);
                if (AdminJson.Refusal(document.RootElement) is { } refusal)
                {
                    throw Refused(response, refusal, null, null);
                }

                var array = AdminJson.ItemArray(document.RootElement, out var count);
                var measured = Measure(budget, array, response);
                return ((IReadOnlyList<T>)AdminJson.Items(array).Select(e => read(e, _transport.BaseAddress)).ToList(), count, measured);
            }
            catch (JsonException e)
            {
                throw new MjProtocolException($"{_transport.Errors.Url(path)} answered a body that is not the list it should be: {e.Message}", response.StatusCode, path, e);
            }
        }, cancellationToken).ConfigureAwait(false);
        budget.Take(size.Item1, size.Item2);
        return (list, total);
    }

    /// <summary>Refuses a body of more JSON values than <paramref name="budget"/> has left, before it is parsed.</summary>
    private void Precheck(AdminReadBudget budget, MjHttpResponse response)
    {
        try
        {
            budget.Precheck(response.Body);
        }
        catch (OverLimitException over)
        {
            throw _transport.Errors.OverLimit(over, response);
        }
    }

    /// <summary>The size of <paramref name="items"/> when they fit <paramref name="budget"/>; else the error that names the limit.</summary>
    private (int Items, long Values) Measure(AdminReadBudget budget, JsonElement items, MjHttpResponse response)
    {
        try
        {
            return budget.Check(items);
        }
        catch (OverLimitException over)
        {
            throw _transport.Errors.OverLimit(over, response);
        }
    }

    private async Task<IReadOnlyList<T>> ReadPagesAsync<T>(string path, string? search, string what, Func<JsonElement, Uri, T> read, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        var budget = new AdminReadBudget(what);
        for (var page = 1; page <= MaxPages; page++)
        {
            var (items, total) = await ReadListAsync(HttpMethod.Post, path, AdminRoutes.TrueAiPage(page, PageSize, search), read, budget, cancellationToken).ConfigureAwait(false);
            all.AddRange(items);
            if (items.Count < PageSize || (total is int count && all.Count >= count))
            {
                break;
            }
        }

        return all;
    }

    /// <summary>The account as the server sent it, for reading or sending back. Dispose it: it holds the account's secrets.</summary>
    private async Task<JsonDocument> FetchAccountDocumentAsync(AdminRoutes routes, string accountId, CancellationToken cancellationToken)
    {
        var path = routes.AccountFetch!(accountId);
        return await _transport.ReadAsync(HttpMethod.Get, path, null, response =>
        {
            Admitted(response);
            if (response.IsEmpty || response.StatusCode == HttpStatusCode.NoContent)
            {
                throw NotFound("account", accountId, path, response); // novicezk: 200 with nothing
            }

            if (AdminJson.Refusal(response.Body) is { } refusal)
            {
                throw Refused(response, refusal, "account", accountId);
            }

            try
            {
                var budget = new AdminReadBudget("an account");
                Precheck(budget, response);
                var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("id", out _))
                {
                    document.Dispose();
                    throw new MjProtocolException($"{_transport.Errors.Url(path)} answered a body that is not an account.", response.StatusCode, path);
                }

                try
                {
                    Measure(budget, document.RootElement, response);
                }
                catch
                {
                    document.Dispose();
                    throw;
                }

                return document;
            }
            catch (JsonException e)
            {
                throw new MjProtocolException($"{_transport.Errors.Url(path)} answered a body that is not an account: {e.Message}", response.StatusCode, path, e);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the account back as it was read, with <c>enable</c> (and Plus's <c>status</c>) set when given. The body
    /// carries the account's secrets back to the server they came from; it lives only here and is never traced.
    /// </summary>
    private async Task SendBackAsync(AdminRoutes routes, string accountId, bool? enable, CancellationToken cancellationToken)
    {
        using var document = await FetchAccountDocumentAsync(routes, accountId, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (enable is bool on && property.NameEquals("enable"))
                {
                    writer.WriteBoolean(property.Name, on);
                }
                else if (enable is bool active && property.NameEquals("status") && property.Value.ValueKind == JsonValueKind.String)
                {
                    writer.WriteString(property.Name, active ? "ENABLE" : "DISABLED");
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            if (enable is bool value && !root.TryGetProperty("enable", out _))
            {
                writer.WriteBoolean("enable", value);
            }

            writer.WriteEndObject();
        }

        var bytes = body.ToArray();
        try
        {
            await ChangeAsync(HttpMethod.Put, routes.AccountUpdate!(accountId), bytes, "account", accountId, cancellationToken, SecretFields.ValuesIn(root)).ConfigureAwait(false);
        }
        finally
        {
            Array.Clear(bytes, 0, bytes.Length);
        }
    }

    /// <summary>
    /// One change: a single attempt (never repeated on its own), its refusal as a typed error. <paramref name="sent"/>:
    /// the secrets the body carries (an account's tokens, a new user's token), removed from the answer before anything
    /// reads it, so a server that echoes the request cannot put them in an error.
    /// </summary>
    private async Task<string?> ChangeAsync(HttpMethod method, string path, byte[]? body, string subject, string id, CancellationToken cancellationToken, IReadOnlyCollection<string>? sent = null)
    {
        MjHttpResponse response;
        try
        {
            response = await _transport.ProbeAsync(method, path, body, _client.AuthScheme, _attemptTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
        {
            var advice = ConnectFailures.Advice(e, _transport.BaseAddress) + " " + MaybeMade(subject);
            throw new MjServerException($"{ConnectFailures.Describe(e, _transport.BaseAddress, $"{method} {path}")} {advice}", null, null, null, path, e) { Advice = advice };
        }

        if (sent is { Count: > 0 })
        {
            response = SecretFields.RemoveFrom(response, sent);
        }

        Admitted(response);
        if (response.Status >= 500)
        {
            // A crash (TrueAI with its Redis down: the row may be saved before the cache clear that throws): the server
            // did not say what it did, so the change is neither assumed made nor assumed not made.
            throw Uncertain(_transport.Errors.FromResponse(response), subject);
        }

        if (response.Status >= 300)
        {
            throw _transport.Errors.FromResponse(response);
        }

        using var answer = AdminJson.Parse(response.Body); // not JSON (an empty body too): no refusal, no message
        if (answer is not null && AdminJson.Refusal(answer.RootElement) is { } refusal)
        {
            throw Refused(response, refusal, subject, id);
        }

        if (subject == "account")
        {
            Volatile.Write(ref _capacityTried, 0); // the pool changed: the next submit (or Get-MjAccount) reads it again
        }

        return answer is null ? null : AdminJson.Message(answer.RootElement);
    }

    /// <summary>The Get- cmdlet that lists <paramref name="subject"/> ("account", "user", "banned-word list").</summary>
    internal static string ListerOf(string subject) => subject switch
    {
        "user" => "Get-MjUser",
        "banned-word list" => "Get-MjBannedWord",
        _ => "Get-MjAccount",
    };

    /// <summary>What to do when a change may or may not have been made.</summary>
    private static string MaybeMade(string subject) =>
        $"The change may or may not have been made: check with {ListerOf(subject)} before trying again.";

    /// <summary>A change the server answered with a crash (5xx): its error, told as "may or may not have been made".</summary>
    private static MjServerException Uncertain(MjApiException error, string subject)
    {
        var advice = MaybeMade(subject) + " If it keeps failing, ask the server's administrator.";
        var message = error.Advice is { Length: > 0 } said && error.Message.Contains(said)
            ? error.Message.Replace(said, advice)
            : Sentences.Join(error.Message, advice);
        return new MjServerException(message, error.Code, error.Description, error.StatusCode, error.RequestPath, error)
        {
            Advice = advice,
            ServerMessage = error.ServerMessage,
        };
    }

    /// <summary>
    /// A read after a change the server said it made (the new user found by its token, the list as kept, -PassThru): when
    /// it fails, the error says the change was made, so nobody makes it a second time.
    /// </summary>
    internal static async Task<T> AfterChangeAsync<T>(string done, string subject, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (MjException e) when (!cancellationToken.IsCancellationRequested)
        {
            var advice = $"Do not make the change again: {ListerOf(subject)} shows it once the server answers.";
            var api = e as MjApiException;
            var said = api?.Advice is { Length: > 0 } old ? e.Message.Replace(old, string.Empty) : e.Message;
            var lines = said.Split('\n');
            var rest = lines.Length > 1 ? "\n" + string.Join("\n", lines, 1, lines.Length - 1) : string.Empty;
            throw new MjServerException($"{Sentences.End(done)} Reading it back failed: {Sentences.End(lines[0].Trim())} {advice}{rest}", api?.Code, api?.Description, api?.StatusCode, api?.RequestPath, e)
            {
                Advice = advice,
            };
        }
    }

    /// <summary>401/403 on an admin route: this key is not the administrator's. A missing route: the flavour lacks it.</summary>
    private void Admitted(MjHttpResponse response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            IsAdministrator = false;
            var said = MjText.CleanLine(Encoding.UTF8.GetString(response.Body, 0, Math.Min(response.Body.Length, 200)))?.Trim() ?? string.Empty;
            throw NeedsAdministrator(AdminRoutes.For(_client.Capabilities.Flavor), response,
                $"{_transport.Errors.Url(response.Path)} answered {response.Status} {response.StatusCode}{(said.Length > 0 ? ": " + _transport.Redactor.Redact(said) : string.Empty)}");
        }

        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && !SubmitEnvelope.TryRead(response.Body, out _))
        {
            var routes = AdminRoutes.For(_client.Capabilities.Flavor);
            var text = $"{_transport.Errors.Server} has no {response.Path} (a {routes.Flavor} server was expected to have it), so this cannot be done here.";
            const string advice = "Check the server's version and flavour (Test-MjServer), or do it on the server's own web page.";
            throw new MjNotSupportedException($"{text} {advice}\n{_transport.Errors.Url(response.Path)} answered {response.Status} {response.StatusCode}.", false, null, response.StatusCode, response.Path) { Advice = advice };
        }

        if (response.Status < 300)
        {
            IsAdministrator ??= true;
        }
    }

    private MjNotSupportedException NeedsAdministrator(AdminRoutes routes, MjHttpResponse? response, string origin)
    {
        var text = $"This needs the server's admin token: {_transport.Errors.Server} lets only its administrator read and change accounts{(routes.HasUsers ? ", users and banned words" : string.Empty)}, and this key is not the administrator's.";
        var advice = routes.Flavor == "trueai"
            ? "Connect with the administrator's token (Connect-MjServer -ApiKey <admin token> -AuthScheme Raw), or ask the server's administrator."
            : "Connect with the server's API secret (its mj.api-secret), or ask the server's administrator.";
        return new MjNotSupportedException($"{text} {advice}\n{origin}", true, null, response?.StatusCode, response?.Path) { Advice = advice };
    }

    private MjNotSupportedException Unsupported(MjAdminOperation operation, string? flavor)
    {
        var server = _transport.Errors.Server;
        var what = AdminRoutes.Describe(operation);
        var usersOrWords = operation is MjAdminOperation.ManageUsers or MjAdminOperation.ManageBannedWords;
        var text = flavor switch
        {
            null => $"{server} could not be checked, so it is not known whether it can {what}; check it with Test-MjServer.",
            _ when usersOrWords => $"{server} is a {FlavorName(flavor)}, which has no users or banned words: only TrueAI proxies have them.",
            "gateway" or "taskapi" => $"{server} is a {FlavorName(flavor)}, which has no account API: its accounts (channels) are managed in the gateway's own console.",
            "novicezk" => $"{server} is a novicezk proxy, whose account API only lists and reads accounts: it cannot {what}.",
            _ => $"{server} is a {FlavorName(flavor)}, which cannot {what}.",
        };
        var advice = flavor is null ? "Run Test-MjServer, then try again." : "Nothing was sent; do it on the server itself.";
        return new MjNotSupportedException($"{text} {advice}", false, null, null, null) { Advice = advice };
    }

    private static string FlavorName(string flavor) => flavor switch
    {
        "gateway" => "new-api gateway",
        "taskapi" => "TASK_STATUS gateway",
        "plus" => "Plus proxy",
        "novicezk" => "novicezk proxy",
        "trueai" => "TrueAI proxy",
        _ => flavor + " server",
    };

    private MjApiException Refused(MjHttpResponse response, string refusal, string? subject, string? id)
    {
        var said = _transport.Redactor.Redact(refusal);
        var origin = $"{_transport.Errors.Url(response.Path)} answered: {said}";
        if (subject is not null && said is not null && (said.Contains("不存在") || said.Contains("not found")))
        {
            return NotFound(subject, id ?? string.Empty, response.Path, response, origin);
        }

        var known = MjServerMessages.Find(said);
        var text = known is null ? origin : $"{known.Explanation} {known.Advice}\n{origin}";
        return new MjValidationException(text, JsonValues.GetInt64(Parse(response.Body), "code") is long code ? (int)code : null, said, response.StatusCode, response.Path) { Advice = known?.Advice };
    }

    private MjNotFoundException NotFound(string subject, string id, string path, MjHttpResponse? response, string? origin = null)
    {
        var lister = ListerOf(subject);
        var advice = $"Check the id; {lister} lists them.";
        return new MjNotFoundException($"{_transport.Errors.Server} has no {subject} '{id}'. {advice}{(origin is null ? string.Empty : "\n" + origin)}", null, null, null, response?.StatusCode, path)
        {
            Subject = subject,
            Advice = advice,
        };
    }

    private static JsonElement Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static byte[] UserBody(MjUserRequest request, string token)
    {
        var user = new Dictionary<string, object?>
        {
            ["name"] = request.Name.Trim(),
            ["token"] = token,
            ["role"] = request.Administrator ? "ADMIN" : "USER",
            ["status"] = "NORMAL",
        };
        if (!string.IsNullOrWhiteSpace(request.Email)) user["email"] = request.Email!.Trim();
        if (request.DayDrawLimit is int day) user["dayDrawLimit"] = day;
        if (request.TotalDrawLimit is int total) user["totalDrawLimit"] = total;
        if (request.CoreSize is int core) user["coreSize"] = core;
        if (request.QueueSize is int queue) user["queueSize"] = queue;
        return JsonSerializer.SerializeToUtf8Bytes(user);
    }

    private static string NewToken()
    {
        var bytes = new byte[TokenBytes];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        var text = new StringBuilder(TokenBytes * 2);
        foreach (var b in bytes)
        {
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    private static IReadOnlyList<string> Words(IEnumerable<string> words)
    {
        var list = (words ?? throw new ArgumentNullException(nameof(words))).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one word.", nameof(words));
        }

        return list;
    }

    private static void Require(string id, string name)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An id is required.", name);
        }
    }

    private void Trace(string line) => _client.TraceLine(line);

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text.Substring(0, end);
    }
}
