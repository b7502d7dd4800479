using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Client.Tests.Journal;

public sealed class JournalTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mj-journal-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task AnEntryRoundTripsFieldByField()
    {
        var journal = NewJournal();
        var time = new DateTimeOffset(2025, 5, 27, 10, 30, 15, 123, TimeSpan.FromHours(2));
        var entry = new MjJournalEntry("1748339029401828")
        {
            Action = "UPSCALE",
            ParentId = "1748339000000000",
            Prompt = "red fox \"in\" snow\nsecond line, 狐狸 --v 7",
            Server = "https://proxy.example.com:8443/base",
            Time = time,
            State = "order-42",
            CustomId = "MJ::JOB::upsample::1::5c1e2a9d",
            Mode = "relax",
        };

        await journal.AppendAsync(entry, CancellationToken.None);
        var read = Assert.Single(await journal.ReadRecentAsync(10, CancellationToken.None));

        Assert.Equal(entry.Id, read.Id);
        Assert.Equal(entry.Action, read.Action);
        Assert.Equal(entry.ParentId, read.ParentId);
        Assert.Equal(entry.Prompt, read.Prompt);
        Assert.Equal("https://proxy.example.com:8443/base", read.Server);
        Assert.Equal(time, read.Time);
        Assert.Equal(time.Offset, read.Time.Offset);
        Assert.Equal(entry.State, read.State);
        Assert.Equal(entry.CustomId, read.CustomId);
        Assert.Equal(entry.Mode, read.Mode);
    }

    [Fact]
    public async Task TheFileIsOneCamelCaseJsonObjectPerLineInUtf8WithoutBom()
    {
        var journal = NewJournal();
        await journal.AppendAsync(new MjJournalEntry("1") { Prompt = "a\nb", Time = DateTimeOffset.UnixEpoch }, CancellationToken.None);
        await journal.AppendAsync(new MjJournalEntry("2") { Prompt = "é" }, CancellationToken.None);

        var bytes = File.ReadAllBytes(journal.Path);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal((byte)'{', bytes[0]);
        Assert.Equal(2, text.Count(c => c == '\n'));
        Assert.EndsWith("\n", text);
        Assert.StartsWith("{\"id\":\"1\"", text);
        Assert.Contains("\"prompt\":", text);
        Assert.DoesNotContain("\"action\"", text); // nulls are left out
    }

    [Fact]
    public async Task ServerKeepsOnlySchemeHostPortAndPath()
    {
        var entry = new MjJournalEntry("s") { Server = "https://user:pw@proxy.example.com:8443/base/?key=sk-secret#x" };
        var relative = new MjJournalEntry("s") { Server = "proxy.example.com" };

        Assert.Equal("https://proxy.example.com:8443/base/", entry.Server);
        Assert.Null(relative.Server);

        var journal = NewJournal();
        await journal.AppendAsync(entry, CancellationToken.None);
        Assert.DoesNotContain("sk-secret", File.ReadAllText(journal.Path));
        Assert.DoesNotContain("pw", File.ReadAllText(journal.Path));
    }

    [Fact]
    public void FromTaskCopiesTheTaskAndItsServer()
    {
        var task = new MjTask("t1")
        {
            Action = "VARIATION",
            ParentId = "p1",
            Prompt = "fox",
            State = "st",
            Server = new Uri("https://u:p@h.example/api?x=1"),
        };

        var entry = MjJournalEntry.FromTask(task, DateTimeOffset.UnixEpoch, "MJ::JOB::variation::1::h", "fast");

        Assert.Equal("t1", entry.Id);
        Assert.Equal("VARIATION", entry.Action);
        Assert.Equal("p1", entry.ParentId);
        Assert.Equal("fox", entry.Prompt);
        Assert.Equal("st", entry.State);
        Assert.Equal("https://h.example/api", entry.Server);
        Assert.Equal("MJ::JOB::variation::1::h", entry.CustomId);
        Assert.Equal("fast", entry.Mode);
    }

    [Fact]
    public async Task ReadRecentIsNewestFirstAndHonoursCount()
    {
        var journal = NewJournal();
        for (var i = 1; i <= 5; i++)
        {
            await journal.AppendAsync(new MjJournalEntry(i.ToString()), CancellationToken.None);
        }

        Assert.Equal(new[] { "5", "4", "3" }, (await journal.ReadRecentAsync(3, CancellationToken.None)).Select(e => e.Id));
        Assert.Equal(new[] { "5", "4", "3", "2", "1" }, (await journal.ReadRecentAsync(50, CancellationToken.None)).Select(e => e.Id));
        Assert.Empty(await journal.ReadRecentAsync(0, CancellationToken.None));
    }

    [Fact]
    public async Task AMissingJournalReadsAsEmpty()
    {
        var journal = NewJournal();

        Assert.Empty(await journal.ReadRecentAsync(10, CancellationToken.None));
        Assert.Null(await journal.FindAsync("x", CancellationToken.None));
        Assert.False(File.Exists(journal.Path));
    }

    [Fact]
    public async Task TornAndGarbageLinesAreSkipped()
    {
        var journal = NewJournal();
        Directory.CreateDirectory(Path.GetDirectoryName(journal.Path)!);
        File.WriteAllText(
            journal.Path,
            "{\"id\":\"1\"}\n" +
            "garbage\n" +
            "\n" +
            "{\"action\":\"IMAGINE\"}\n" + // no id
            "[1,2]\n" +
            "null\n" +
            "{\"id\":\"2\"}\r\n" +
            "{\"id\":\"3\",\"act");    // torn by a crash

        Assert.Equal(new[] { "2", "1" }, (await journal.ReadRecentAsync(10, CancellationToken.None)).Select(e => e.Id));

        // The next append starts on a fresh line instead of gluing itself to the torn one.
        await journal.AppendAsync(new MjJournalEntry("4"), CancellationToken.None);
        Assert.Equal(new[] { "4", "2", "1" }, (await journal.ReadRecentAsync(10, CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task FindReturnsTheLatestEntryForAnId()
    {
        var journal = NewJournal();
        await journal.AppendAsync(new MjJournalEntry("a") { State = "first" }, CancellationToken.None);
        await journal.AppendAsync(new MjJournalEntry("b"), CancellationToken.None);
        await journal.AppendAsync(new MjJournalEntry("a") { State = "second" }, CancellationToken.None);
        await journal.AppendAsync(new MjJournalEntry("c"), CancellationToken.None);

        Assert.Equal("second", (await journal.FindAsync("a", CancellationToken.None))?.State);
        Assert.Equal("b", (await journal.FindAsync("b", CancellationToken.None))?.Id);
        Assert.Null(await journal.FindAsync("A", CancellationToken.None)); // ids are exact
        Assert.Null(await journal.FindAsync("zz", CancellationToken.None));
    }

    [Fact]
    public async Task FindAllReturnsTheLatestEntryOfEachIdItKnows()
    {
        var journal = NewJournal();
        await journal.AppendAsync(new MjJournalEntry("a") { Server = "http://one/" }, CancellationToken.None);
        await journal.AppendAsync(new MjJournalEntry("b") { Server = "http://two/" }, CancellationToken.None);
        await journal.AppendAsync(new MjJournalEntry("a") { Server = "http://three/" }, CancellationToken.None);

        var found = await journal.FindAllAsync(new[] { "a", "b", "zz" }, CancellationToken.None);

        Assert.Equal(new[] { "a", "b" }, found.Keys.OrderBy(k => k));
        Assert.Equal("http://three/", found["a"].Server);
        Assert.Equal("http://two/", found["b"].Server);
        Assert.Empty(await new MjTaskJournal(Path.Combine(_root, "none.jsonl")).FindAllAsync(new[] { "a" }, CancellationToken.None)); // no file yet
    }

    [Fact]
    public async Task ConcurrentAppendsNeverInterleave()
    {
        var journal = NewJournal();
        var prompt = new string('p', 3000); // long enough that a split write would show

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            // Separate instances on the same path, as separate runspaces would have.
            var mine = new MjTaskJournal(journal.Path);
            for (var i = 0; i < 200; i++)
            {
                await mine.AppendAsync(new MjJournalEntry($"{w}-{i}") { Prompt = prompt }, CancellationToken.None);
            }
        }));
        await Task.WhenAll(writers);

        var lines = File.ReadAllLines(journal.Path);
        Assert.Equal(1600, lines.Length);
        var entries = await journal.ReadRecentAsync(5000, CancellationToken.None);
        Assert.Equal(1600, entries.Count);
        Assert.Equal(1600, entries.Select(e => e.Id).Distinct().Count());
        Assert.All(entries, e => Assert.Equal(prompt, e.Prompt));
    }

    [Fact]
    public async Task ALargeJournalReadsItsTailCorrectly()
    {
        var journal = NewJournal();
        Directory.CreateDirectory(Path.GetDirectoryName(journal.Path)!);
        using (var writer = new StreamWriter(journal.Path, append: false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < 100_000; i++)
            {
                writer.Write($"{{\"id\":\"{i}\",\"action\":\"IMAGINE\",\"prompt\":\"prompt number {i} with some words\",\"time\":\"2025-01-01T00:00:00+00:00\"}}\n");
            }
        }

        var recent = await journal.ReadRecentAsync(10, CancellationToken.None);

        Assert.Equal(Enumerable.Range(99_990, 10).Reverse().Select(i => i.ToString()), recent.Select(e => e.Id));
        Assert.Equal("prompt number 99999 with some words", recent[0].Prompt);
        Assert.Equal("0", (await journal.FindAsync("0", CancellationToken.None))?.Id);
        Assert.Equal("54321", (await journal.FindAsync("54321", CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task LinesLongerThanAReadChunkAreReadWhole()
    {
        var journal = NewJournal();
        var longPrompt = string.Concat(Enumerable.Repeat("0123456789", 30_000)); // 300 KB, several chunks
        await journal.AppendAsync(new MjJournalEntry("1") { Prompt = longPrompt }, CancellationToken.None);
        await journal.AppendAsync(new MjJournalEntry("2") { Prompt = "short" }, CancellationToken.None);
        await journal.AppendAsync(new MjJournalEntry("3") { Prompt = longPrompt }, CancellationToken.None);

        var entries = await journal.ReadRecentAsync(10, CancellationToken.None);

        Assert.Equal(new[] { "3", "2", "1" }, entries.Select(e => e.Id));
        Assert.Equal(longPrompt, entries[0].Prompt);
        Assert.Equal(longPrompt, entries[2].Prompt);
    }

    [Fact]
    public async Task AppendCreatesTheFolder()
    {
        var path = Path.Combine(_root, "deep", "er", "journal.jsonl");

        await new MjTaskJournal(path).AppendAsync(new MjJournalEntry("1"), CancellationToken.None);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void TheDefaultPathIsSane()
    {
        var path = MjTaskJournal.DefaultPath;

        Assert.True(Path.IsPathRooted(path));
        Assert.Equal("journal.jsonl", Path.GetFileName(path));
        Assert.Equal("Midjourney", Path.GetFileName(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void ThePathIsMadeFull()
    {
        var journal = new MjTaskJournal("relative.jsonl");

        Assert.True(Path.IsPathRooted(journal.Path));
        Assert.Throws<ArgumentException>(() => new MjTaskJournal(" "));
    }

    [Fact]
    public void ToStringIsShortAndUseful()
    {
        var entry = new MjJournalEntry("123") { Action = "IMAGINE", Prompt = new string('x', 200), ParentId = "9" };

        var text = entry.ToString();

        Assert.Contains("123", text);
        Assert.Contains("IMAGINE", text);
        Assert.Contains("<- 9", text);
        Assert.True(text.Length < 100, text);
    }

    private MjTaskJournal NewJournal() => new(Path.Combine(_root, "journal.jsonl"));
}
