using System.Net;
using System.Text.Json;

namespace Midjourney.Client.Tests.Fakes;

/// <summary>
/// A proxy account on a fake clock: <c>slots</c> tasks run at once and <c>queue</c> more wait (code 22 with the
/// number ahead); beyond that a submit is refused (code 23 by default). Each task runs <c>duration</c> with linear
/// progress, then ends SUCCESS (or what <see cref="FinalStatus"/> says). Counts every request by kind.
/// </summary>
public sealed class FakeAccount
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly TimeSpan _duration;
    private readonly DateTimeOffset[] _slotFree;
    private readonly Dictionary<string, (DateTimeOffset Start, DateTimeOffset End)> _tasks = new();
    private readonly List<TimeSpan> _submitTimes = new();
    private readonly List<int> _pollSizes = new();
    private readonly DateTimeOffset _origin;
    private int _rateLimited;
    private TimeSpan _retryAfter;

    public FakeAccount(TimeProvider time, int slots, int queue, TimeSpan duration)
    {
        _time = time;
        _capacity = slots + queue;
        _duration = duration;
        _origin = time.GetUtcNow();
        _slotFree = Enumerable.Repeat(_origin, slots).ToArray();
        Server = new FakeServer(Answer);
    }

    public FakeServer Server { get; }

    /// <summary>How a full account refuses: 23 (default), 9 with the queue-full text, or 30 with HTTP 429.</summary>
    public int RefusalCode { get; set; } = 23;

    /// <summary>False: no list-by-condition (404), so the client must fetch each id.</summary>
    public bool HasBatchQuery { get; set; } = true;

    /// <summary>The final status of a task by id (default SUCCESS).</summary>
    public Func<string, string> FinalStatus { get; set; } = _ => "SUCCESS";

    public int Submits { get; private set; }

    public int Refusals { get; private set; }

    /// <summary>Poll requests: list-by-condition and fetch.</summary>
    public int Polls { get; private set; }

    public int Created
    {
        get
        {
            lock (_gate)
            {
                return _tasks.Count;
            }
        }
    }

    /// <summary>Fake time of every submit request, in order.</summary>
    public IReadOnlyList<TimeSpan> SubmitTimes
    {
        get
        {
            lock (_gate)
            {
                return _submitTimes.ToList();
            }
        }
    }

    /// <summary>Ids asked for by every list-by-condition request, in order.</summary>
    public IReadOnlyList<int> PollSizes
    {
        get
        {
            lock (_gate)
            {
                return _pollSizes.ToList();
            }
        }
    }

    /// <summary>Answers the next <paramref name="count"/> submits with HTTP 429 and this Retry-After.</summary>
    public void RateLimit(int count, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            _rateLimited = count;
            _retryAfter = retryAfter;
        }
    }

    /// <summary>Adds a task that was submitted elsewhere, running from now.</summary>
    public string Existing(TimeSpan duration)
    {
        lock (_gate)
        {
            var id = "t" + (_tasks.Count + 1);
            var now = _time.GetUtcNow();
            _tasks[id] = (now, now + duration);
            return id;
        }
    }

    private HttpResponseMessage Answer(SeenRequest r)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (r.Path.StartsWith("/mj/submit/", StringComparison.Ordinal))
            {
                Submits++;
                _submitTimes.Add(now - _origin);
                if (_rateLimited > 0)
                {
                    _rateLimited--;
                    var limited = FakeServer.Empty((HttpStatusCode)429);
                    limited.Headers.TryAddWithoutValidation("Retry-After", ((int)_retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return limited;
                }

                if (_tasks.Values.Count(t => t.End > now) >= _capacity)
                {
                    Refusals++;
                    return RefusalCode switch
                    {
                        9 => FakeServer.Json("{\"code\":9,\"description\":\"提交失败，队列已满，请稍后重试\"}"),
                        30 => FakeServer.Json("{\"description\":\"当前分组负载已饱和，请稍后再试\",\"type\":\"upstream_error\",\"code\":30}", (HttpStatusCode)429),
                        _ => FakeServer.Json("{\"code\":23,\"description\":\"队列已满，请稍后尝试\",\"result\":null}"),
                    };
                }

                // FIFO: the task takes the slot that frees first.
                var slot = Array.IndexOf(_slotFree, _slotFree.Min());
                var start = _slotFree[slot] > now ? _slotFree[slot] : now;
                _slotFree[slot] = start + _duration;
                var id = "t" + (_tasks.Count + 1);
                var ahead = _tasks.Values.Count(t => t.Start > now);
                _tasks[id] = (start, start + _duration);
                return start > now
                    ? FakeServer.Json("{\"code\":22,\"description\":\"排队中，前面还有" + ahead + "个任务\",\"result\":\"" + id + "\",\"properties\":{\"numberOfQueues\":" + ahead + "}}")
                    : FakeServer.Accepted(id);
            }

            if (r.Path == "/mj/task/list-by-condition")
            {
                if (!HasBatchQuery)
                {
                    return FakeServer.Empty(HttpStatusCode.NotFound);
                }

                Polls++;
                var ids = JsonDocument.Parse(r.Body).RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToList();
                _pollSizes.Add(ids.Count);
                return FakeServer.Json("[" + string.Join(",", ids.Where(_tasks.ContainsKey).Select(id => Json(id, now))) + "]");
            }

            if (r.Path.EndsWith("/fetch", StringComparison.Ordinal))
            {
                Polls++;
                var fetched = r.Path.Split('/')[3];
                return _tasks.ContainsKey(fetched) ? FakeServer.Json(Json(fetched, now)) : FakeServer.Empty(HttpStatusCode.NoContent);
            }

            return FakeServer.Empty(HttpStatusCode.NotFound);
        }
    }

    private string Json(string id, DateTimeOffset now)
    {
        var (start, end) = _tasks[id];
        if (now >= end)
        {
            return FakeServer.TaskJson(id, FinalStatus(id));
        }

        if (now < start)
        {
            return FakeServer.TaskJson(id, "SUBMITTED", progress: "0%");
        }

        var percent = (int)((now - start).TotalSeconds * 100 / (end - start).TotalSeconds);
        return FakeServer.TaskJson(id, "IN_PROGRESS", progress: percent + "%");
    }
}
