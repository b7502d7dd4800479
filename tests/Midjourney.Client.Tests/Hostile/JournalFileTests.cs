using System.Text;

namespace Midjourney.Client.Tests.Hostile;

/// <summary>The journal is a file anyone can edit: a line over the line limit is skipped unread, and its texts are made safe to show.</summary>
public sealed class JournalFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mj-hostile-journal-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task A_line_over_the_limit_is_skipped_and_escape_sequences_are_removed()
    {
        var text = new StringBuilder();
        text.Append("{\"id\":\"1\",\"action\":\"IMAGINE\",\"prompt\":\"first\",\"time\":\"2026-01-01T00:00:00+00:00\"}\n");
        text.Append("{\"id\":\"2\",\"prompt\":\"").Append('x', MjLimits.MaxLineBytes + 10).Append("\"}\n");
        text.Append("{\"id\":\"3\",\"action\":\"IMAGINE\\u001b[2J\",\"prompt\":\"a \\u001b]52;c;aGk=\\u0007cat\",\"customId\":\"MJ::\\u001b[31m\",\"time\":\"2026-01-01T00:00:01+00:00\"}\n");
        text.Append("{\"id\":\"4\\u001b[2J\",\"prompt\":\"not ours\"}\n");
        File.WriteAllText(_path, text.ToString());

        var entries = await new MjTaskJournal(_path).ReadRecentAsync(10, CancellationToken.None);

        Assert.Equal(new[] { "3", "1" }, entries.Select(e => e.Id));
        Assert.Equal("a cat", entries[0].Prompt);
        Assert.Equal("IMAGINE", entries[0].Action);
        Assert.Null(entries[0].CustomId);
    }
}
