using System.Net;
using System.Net.Http;
using Midjourney.Client.Tests.Recordings;

namespace Midjourney.Client.Tests.Checks;

/// <summary>
/// The real TrueAI 11.10.3 as far as a server check sees it, from its recorded answers: its SimpleAuthMiddleware (a
/// known key is a user or the admin; in guest mode anything else is served as a guest, with it off refused with 401
/// "Authorization header missing."), /mj/admin/current per caller, and every other route as recorded.
/// </summary>
public sealed class RecordedTrueAi : HttpMessageHandler
{
    private const string Folder = "trueai-11.10.3";
    private readonly bool _guestMode;

    public RecordedTrueAi(bool guestMode) => _guestMode = guestMode;

    /// <summary>Every header value a request carried, to prove a key never went where it should not.</summary>
    public List<string> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var route = System.Text.RegularExpressions.Regex.Replace(path, "^/mj-(?:fast|relax|turbo)/mj/", "/mj/"); // its prefixes reach the same routes
        var token = request.Headers.TryGetValues("Authorization", out var auth) ? auth.First()
            : request.Headers.TryGetValues("mj-api-secret", out var secret) ? secret.First() : null;
        lock (Requests)
        {
            Requests.Add($"{request.Method} {path} {token}");
        }

        var role = token switch { "adm-secret-1" => "admin", "usr-secret-1" => "user", _ => null };
        var modeFile = _guestMode ? "client-guest.json" : "client-noguest.json";
        RecordedAnswer? answer;
        if (path == "/mj/admin/current")
        {
            answer = Find(modeFile, "current-" + (role ?? "nokey"));
        }
        else if (role is null && !_guestMode)
        {
            answer = Find("noguest-nokey.json", "list"); // 401, no content type, "Authorization header missing."
        }
        else
        {
            var probe = Find("guest-redis.json", "list") with { Method = request.Method.Method, Path = route };
            answer = RecordedAnswer.All.FirstOrDefault(a => a.Folder == Folder && a.File == (_guestMode ? "guest-redis.json" : "noguest-admin.json")
                && a.Method == probe.Method && a.Route == probe.Route);
        }

        var response = answer?.ToResponse() ?? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent(Array.Empty<byte>()) };
        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    private static RecordedAnswer Find(string file, string name) => RecordedAnswer.All.Single(a => a.Folder == Folder && a.File == file && a.Name == name);
}
