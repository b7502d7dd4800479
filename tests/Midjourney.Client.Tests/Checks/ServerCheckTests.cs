using System.Net;
using System.Net.Http;
using System.Text;
using Midjourney.Client.Tests.Recordings;

namespace Midjourney.Client.Tests.Checks;

/// <summary>
/// The free server check against the real TrueAI's answers: guest mode and who a key is (issue 16, item 7), and reads
/// retried like every read so one bad answer is never a verdict (item 8).
/// </summary>
public sealed class ServerCheckTests
{
    private static MjClient Client(HttpMessageHandler server, string? key, AuthScheme scheme) =>
        new(new MjClientOptions(new Uri("http://127.0.0.1:18080"))
        {
            ApiKey = key,
            AuthScheme = scheme,
            EnableJournal = false,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(5),
        }, server, disposeHandler: false);

    [Fact]
    public async Task Without_a_key_a_guest_mode_server_is_fine_and_says_what_a_guest_cannot_do()
    {
        using var client = Client(new RecordedTrueAi(guestMode: true), null, AuthScheme.MjApiSecret);

        var check = await client.CheckServerAsync();

        Assert.True(check.Ok, check.Problem);
        Assert.Equal((true, true, MjServerRole.Guest, "trueai"), (check.KeyAccepted, check.GuestMode, check.Role, check.Flavor));
        Assert.Contains("runs in guest mode", check.Notes);
        Assert.Contains("cannot cancel tasks (Stop-MjTask) or use admin routes", check.Notes);
    }

    [Theory]
    [InlineData(AuthScheme.Raw)]
    [InlineData(AuthScheme.MjApiSecret)]
    public async Task A_wrong_key_on_a_guest_mode_server_is_not_called_accepted(AuthScheme scheme)
    {
        using var client = Client(new RecordedTrueAi(guestMode: true), "wrong-key", scheme);

        var check = await client.CheckServerAsync();

        Assert.False(check.Ok);
        Assert.Equal((false, true, MjServerRole.Guest, (AuthScheme?)null), (check.KeyAccepted, check.GuestMode, check.Role, check.SuggestedAuthScheme));
        Assert.StartsWith("http://127.0.0.1:18080/ runs in guest mode and does not know this key", check.Problem);
        Assert.Contains("a guest cannot cancel tasks or use admin routes", check.Problem);
        Assert.DoesNotContain("wrong-key", check.Problem);
    }

    [Fact]
    public async Task A_key_in_a_header_the_server_ignores_is_served_as_a_guest_and_the_check_names_the_scheme_that_works()
    {
        using var client = Client(new RecordedTrueAi(guestMode: true), "adm-secret-1", AuthScheme.Bearer);

        var check = await client.CheckServerAsync();

        Assert.Equal((false, AuthScheme.MjApiSecret, MjServerRole.Admin), (check.KeyAccepted, check.SuggestedAuthScheme, check.Role));
        Assert.Contains("does not know the key sent as Bearer (it serves it as a guest's) but knows it sent as MjApiSecret. Connect with -AuthScheme MjApiSecret.", check.Problem);
    }

    [Fact]
    public async Task A_users_key_is_accepted_and_the_check_says_it_cannot_cancel()
    {
        using var client = Client(new RecordedTrueAi(guestMode: true), "usr-secret-1", AuthScheme.Raw);

        var check = await client.CheckServerAsync();

        Assert.True(check.Ok, check.Problem);
        Assert.Equal((true, true, MjServerRole.User), (check.KeyAccepted, check.GuestMode, check.Role));
        Assert.Contains("This key is a user's, not the administrator's", check.Notes);
        Assert.Contains("also runs in guest mode", check.Notes);
        Assert.DoesNotContain("usr-secret-1", check.Notes);
    }

    [Theory]
    [InlineData("adm-secret-1", MjServerRole.Admin)]
    [InlineData("usr-secret-1", MjServerRole.User)]
    public async Task With_guest_mode_off_the_key_is_known_and_guest_mode_is_told_off(string key, MjServerRole role)
    {
        using var client = Client(new RecordedTrueAi(guestMode: false), key, AuthScheme.Raw);

        var check = await client.CheckServerAsync();

        Assert.True(check.Ok, check.Problem);
        Assert.Equal((true, false, role), (check.KeyAccepted, check.GuestMode, check.Role));
        Assert.Equal(role == MjServerRole.User, check.Notes is not null);
    }

    [Fact]
    public async Task With_guest_mode_off_a_wrong_key_is_refused_as_before()
    {
        using var client = Client(new RecordedTrueAi(guestMode: false), "wrong-key", AuthScheme.Raw);

        var check = await client.CheckServerAsync();

        Assert.Equal((false, (AuthScheme?)null), (check.KeyAccepted, check.SuggestedAuthScheme));
        Assert.Contains("refused the key", check.Problem);
    }

    public enum Fault
    {
        ServerError,
        TooManyRequests,
        Reset,
        CutBody,
    }

    [Theory]
    [InlineData(Fault.ServerError)]
    [InlineData(Fault.TooManyRequests)]
    [InlineData(Fault.Reset)]
    [InlineData(Fault.CutBody)]
    public async Task One_bad_answer_to_each_read_of_the_check_is_tried_again_not_taken_for_a_verdict(Fault fault)
    {
        using var clean = Client(new RecordedTrueAi(guestMode: true), null, AuthScheme.MjApiSecret);
        var server = new FirstAnswerFails(new RecordedTrueAi(guestMode: true), fault);
        using var client = Client(server, null, AuthScheme.MjApiSecret);

        var expected = await clean.CheckServerAsync();
        var check = await client.CheckServerAsync();

        Assert.True(check.Ok, check.Problem);
        Assert.Equal((true, true, "trueai"), (check.Reachable, check.IsProxy, check.Flavor));
        Assert.Equal(
            (expected.BatchQuery, expected.Action, expected.Change, expected.SpeedPrefixes, expected.Video, expected.Role, expected.GuestMode, expected.Notes),
            (check.BatchQuery, check.Action, check.Change, check.SpeedPrefixes, check.Video, check.Role, check.GuestMode, check.Notes));
        Assert.Equal((true, true), (check.BatchQuery, check.SpeedPrefixes));
        Assert.True(server.Faults >= 8, $"{server.Faults} faults"); // every read of the check met one
    }

    [Fact]
    public async Task A_server_that_keeps_failing_is_told_as_failing_not_as_no_proxy()
    {
        var server = new FirstAnswerFails(new RecordedTrueAi(guestMode: true), Fault.ServerError, always: true);
        using var client = Client(server, null, AuthScheme.MjApiSecret);

        var check = await client.CheckServerAsync();

        Assert.Null(check.IsProxy);
        Assert.Contains("the server is failing", check.Problem);
        Assert.DoesNotContain("not a midjourney-proxy", check.Problem);
        Assert.Equal(5, server.Faults); // the first read, tried 1 + MaxReadRetries times
    }

    [Fact]
    public async Task A_route_check_after_a_404_is_retried_too()
    {
        // A submit to a route the server lacks asks whether the fetch route exists; a 500 there is not "not a proxy".
        var server = new FirstAnswerFails(new RecordedTrueAi(guestMode: true), Fault.ServerError);
        using var client = Client(server, null, AuthScheme.MjApiSecret);

        var error = await Assert.ThrowsAsync<MjNotFoundException>(() => client.ChangeAsync("1796600847203001", MjChangeAction.Upscale));

        Assert.Contains("does not offer /mj/submit/change", error.Message);
        Assert.DoesNotContain("not a midjourney-proxy", error.Message);
    }

    /// <summary>Fails the first answer to each distinct request (or every answer) with one kind of fault.</summary>
    private sealed class FirstAnswerFails : DelegatingHandler
    {
        private readonly Fault _fault;
        private readonly bool _always;
        private readonly HashSet<string> _failed = new();

        public FirstAnswerFails(HttpMessageHandler inner, Fault fault, bool always = false)
            : base(inner)
        {
            _fault = fault;
            _always = always;
        }

        public int Faults { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = request.Method + " " + request.RequestUri!.AbsolutePath + " " + string.Join(",", request.Headers.Select(h => h.Key + "=" + string.Join(";", h.Value)));
            bool fail;
            lock (_failed)
            {
                fail = _always || _failed.Add(key);
                if (fail)
                {
                    Faults++;
                }
            }

            if (!fail)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            return _fault switch
            {
                Fault.ServerError => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("{\"code\":9,\"description\":\"服务异常，请稍后重试\"}", Encoding.UTF8, "application/json") },
                Fault.TooManyRequests => new HttpResponseMessage((HttpStatusCode)429) { Headers = { { "Retry-After", "0" } }, Content = new ByteArrayContent(Array.Empty<byte>()) },
                Fault.Reset => throw new HttpRequestException("The response ended prematurely.", new IOException("Connection reset by peer")),
                _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"code\":1,\"description\":\"提交成", Encoding.UTF8, "application/json") },
            };
        }
    }
}
