using System;
using System.Net;
using System.Text.Json;

namespace Midjourney.Client;

/// <summary>
/// The count limits of <see cref="MjLimits"/> on a parsed answer, checked before anything is built from it. Array
/// lengths cost nothing to read (JsonDocument stores them), so an honest answer pays nothing.
/// </summary>
internal static class AnswerLimits
{
    /// <summary>Throws <see cref="OverLimitException"/> when a task object has too many buttons, URLs or properties.</summary>
    public static void CheckTask(JsonElement task)
    {
        Array(task, "buttons", "buttons", nameof(MjLimits.MaxButtonsPerTask), MjLimits.MaxButtonsPerTask);
        foreach (var name in new[] { "imageUrls", "videoUrls", "images", "videos" })
        {
            Array(task, name, name, nameof(MjLimits.MaxUrlsPerTask), MjLimits.MaxUrlsPerTask);
        }

        Members(task, "properties");
        Members(task, "extra");
    }

    /// <summary>Throws <see cref="OverLimitException"/> when a list holds more than <see cref="MjLimits.MaxTasksPerList"/>.</summary>
    public static void CheckTasks(int count, string what = "tasks") =>
        Check(what, count, nameof(MjLimits.MaxTasksPerList), MjLimits.MaxTasksPerList);

    /// <summary>The error a caller reports, naming the server's URL and the limit.</summary>
    public static MjLimitException ToError(OverLimitException over, string url, HttpStatusCode? status, string? path) =>
        new($"{url} answered {over.Count:N0} {over.What}, over the limit of {over.Maximum:N0} (MjLimits.{over.Limit}); the answer was not used.",
            over.Limit, over.Maximum, status, path, over);

    private static void Array(JsonElement task, string name, string what, string limit, int maximum)
    {
        if (task.ValueKind == JsonValueKind.Object && task.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            Check(what + " in a task", array.GetArrayLength(), limit, maximum);
        }
    }

    private static void Members(JsonElement task, string name)
    {
        if (task.ValueKind != JsonValueKind.Object || !task.TryGetProperty(name, out var members) || members.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var count = 0;
        foreach (var _ in members.EnumerateObject())
        {
            count++;
        }

        Check($"{name} members in a task", count, nameof(MjLimits.MaxPropertiesPerTask), MjLimits.MaxPropertiesPerTask);
    }

    private static void Check(string what, int count, string limit, int maximum)
    {
        if (count > maximum)
        {
            throw new OverLimitException(what, count, limit, maximum);
        }
    }
}

/// <summary>A parsed answer over a count limit; the caller turns it into an <see cref="MjLimitException"/> that names the server.</summary>
internal sealed class OverLimitException : Exception
{
    public OverLimitException(string what, long count, string limit, long maximum)
        : base($"{count:N0} {what}, over the limit of {maximum:N0} (MjLimits.{limit})")
    {
        What = what;
        Count = count;
        Limit = limit;
        Maximum = maximum;
    }

    public string What { get; }

    public long Count { get; }

    public string Limit { get; }

    public long Maximum { get; }
}
