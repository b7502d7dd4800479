using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Midjourney.Client.Tests.Downloads;

public sealed class DownloadRetryTests : IDisposable
{
    private const string Url = "http://h/x.png";
    private readonly TempFolder _temp = new();
    private readonly FakeHttpHandler _http = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ServerErrorsAreRetriedUntilSuccess()
    {
        _http.Serve(
            Url,
            () => FakeHttpHandler.Status(HttpStatusCode.InternalServerError),
            () => FakeHttpHandler.Status(HttpStatusCode.BadGateway),
            () => FakeHttpHandler.Bytes(DownloadKit.Png));

        var files = await DownloadKit.Downloader(_http).Run(DownloadKit.Task("r", Url), _temp.Target);

        Assert.Single(files);
        Assert.Equal(3, _http.CountFor(Url));
    }

    [Fact]
    public async Task RetriesStopAtMaxRetries()
    {
        _http.Serve(Url, () => FakeHttpHandler.Status(HttpStatusCode.ServiceUnavailable));

        var ex = await Assert.ThrowsAsync<MjDownloadException>(() =>
            DownloadKit.Downloader(_http).Run(DownloadKit.Task("r", Url), _temp.Target, new MjDownloadOptions { MaxRetries = 2 }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Contains("3 attempts", ex.Message);
        Assert.Equal(3, _http.CountFor(Url));
        Assert.Empty(_temp.AllFiles());
    }

    [Fact]
    public async Task ZeroRetriesMeansOneAttempt()
    {
        _http.Serve(Url, () => FakeHttpHandler.Status(HttpStatusCode.InternalServerError));

        await Assert.ThrowsAsync<MjDownloadException>(() =>
            DownloadKit.Downloader(_http).Run(DownloadKit.Task("r", Url), _temp.Target, new MjDownloadOptions { MaxRetries = 0 }));

        Assert.Equal(1, _http.CountFor(Url));
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData((HttpStatusCode)429)]
    public async Task RequestTimeoutAndTooManyRequestsAreRetried(HttpStatusCode status)
    {
        _http.Serve(Url, () => FakeHttpHandler.Status(status), () => FakeHttpHandler.Bytes(DownloadKit.Png));

        await DownloadKit.Downloader(_http).Run(DownloadKit.Task("r", Url), _temp.Target);

        Assert.Equal(2, _http.CountFor(Url));
    }

    [Fact]
    public async Task RetryAfterIsHonouredInsteadOfTheBackoff()
    {
        // The backoff alone would wait 30 s; Retry-After: 0 lets the second attempt go at once.
        _http.Serve(
            Url,
            () => FakeHttpHandler.Status((HttpStatusCode)429, TimeSpan.Zero),
            () => FakeHttpHandler.Status(HttpStatusCode.ServiceUnavailable, TimeSpan.Zero),
            () => FakeHttpHandler.Bytes(DownloadKit.Png));
        var downloader = DownloadKit.Downloader(_http, baseDelay: TimeSpan.FromSeconds(30), maxDelay: TimeSpan.FromSeconds(60));
        var clock = Stopwatch.StartNew();

        await downloader.Run(DownloadKit.Task("r", Url), _temp.Target);

        Assert.Equal(3, _http.CountFor(Url));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ALongRetryAfterIsCapped()
    {
        _http.Serve(Url, () => FakeHttpHandler.Status((HttpStatusCode)429, TimeSpan.FromHours(1)), () => FakeHttpHandler.Bytes(DownloadKit.Png));
        var clock = Stopwatch.StartNew();

        await DownloadKit.Downloader(_http, maxDelay: TimeSpan.FromMilliseconds(20)).Run(DownloadKit.Task("r", Url), _temp.Target);

        Assert.Equal(2, _http.CountFor(Url));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task NetworkErrorsAreRetried()
    {
        _http.ServeAsync(
            Url,
            (_, _) => throw new HttpRequestException("connection refused"),
            (_, _) => Task.FromResult(FakeHttpHandler.Bytes(DownloadKit.Png)));

        await DownloadKit.Downloader(_http).Run(DownloadKit.Task("r", Url), _temp.Target);

        Assert.Equal(2, _http.CountFor(Url));
    }

    [Fact]
    public async Task ABodyThatBreaksOffIsRetriedAndLeavesNoPartialFile()
    {
        _http.Serve(
            Url,
            () => FakeHttpHandler.Stream(new SlowStream(1000, failInsteadOfHang: true)),
            () => FakeHttpHandler.Bytes(DownloadKit.Png));

        var files = await DownloadKit.Downloader(_http).Run(DownloadKit.Task("r", Url), _temp.Target);

        Assert.Equal(DownloadKit.Png.Length, Assert.Single(files).Length);
        Assert.Equal(new[] { "r.png" }, _temp.TargetFiles());
        Assert.Equal(2, _http.CountFor(Url));
    }

    [Fact]
    public async Task AStalledBodyTimesOutAndIsRetried()
    {
        var stalled = new SlowStream(10, failInsteadOfHang: false);
        _http.Serve(
            Url,
            () => FakeHttpHandler.Stream(stalled),
            () => FakeHttpHandler.Bytes(DownloadKit.Png));
        var time = new FakeTimeProvider();
        var idle = TimeSpan.FromSeconds(30);

        var run = DownloadKit.Downloader(_http, idle: idle, time: time).Run(DownloadKit.Task("r", Url), _temp.Target);
        await stalled.Stalled.Task.WaitAsync(TimeSpan.FromMinutes(1)); // the idle timer was restarted before this read
        time.Advance(idle);
        var files = await run.WaitAsync(TimeSpan.FromMinutes(1)); // the retry's timer never fires: the clock stays put

        Assert.Single(files);
        Assert.Equal(2, _http.CountFor(Url));
    }

    [Fact]
    public async Task ASilentServerTimesOutEvenWithAnInfiniteHttpClientTimeout()
    {
        // MjClient's shared HttpClient has Timeout = Infinite; the idle timeout must still end a hung attempt.
        var silent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _http.ServeAsync(
            Url,
            async (_, ct) =>
            {
                silent.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return FakeHttpHandler.Bytes(DownloadKit.Png);
            },
            (_, _) => Task.FromResult(FakeHttpHandler.Bytes(DownloadKit.Png)));
        var client = new HttpClient(_http) { Timeout = Timeout.InfiniteTimeSpan };
        var time = new FakeTimeProvider();
        var idle = TimeSpan.FromSeconds(30);
        var downloader = new MjDownloader(client, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10), idle, time);

        var run = downloader.Run(DownloadKit.Task("r", Url), _temp.Target);
        await silent.Task.WaitAsync(TimeSpan.FromMinutes(1)); // the idle timer was started before the request went out
        time.Advance(idle);
        await run.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(2, _http.CountFor(Url));
    }

    [Fact]
    public async Task AnHttpClientTimeoutIsRetriedButTheCallersCancellationIsNot()
    {
        _http.ServeAsync(
            Url,
            async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return FakeHttpHandler.Bytes(DownloadKit.Png);
            },
            (_, _) => Task.FromResult(FakeHttpHandler.Bytes(DownloadKit.Png)));
        var client = new HttpClient(_http) { Timeout = TimeSpan.FromMilliseconds(100) };
        var downloader = new MjDownloader(client, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10));

        await downloader.Run(DownloadKit.Task("r", Url), _temp.Target);

        Assert.Equal(2, _http.CountFor(Url));
    }
}
