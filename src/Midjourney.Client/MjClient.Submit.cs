using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

public sealed partial class MjClient
{
    /// <summary>Submits a text-to-image job. Returns the new task (not yet finished; wait for it).</summary>
    public Task<MjTask> ImagineAsync(MjImagineRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        SubmitValidation.Prompt(request.Prompt);
        SubmitValidation.ImageReferences(request.Images, nameof(request.Images));

        // URLs are image prompts in the text itself (novicezk and Plus refuse URLs in base64Array); data goes in base64Array.
        var prompt = MjPromptBuilder.WithImagePrompts(request.Images.Where(MjImageData.IsUrl), request.Prompt);
        return SubmitAsync("imagine", request, "IMAGINE", prompt, null, null, state => RequestBodies.Imagine(request, prompt, state), cancellationToken);
    }

    /// <summary>Blends 2–5 images.</summary>
    public Task<MjTask> BlendAsync(MjBlendRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        SubmitValidation.BlendImages(request.Images);
        return SubmitAsync("blend", request, "BLEND", null, null, null, state => RequestBodies.Blend(request, state), cancellationToken);
    }

    /// <summary>Asks for four prompts that describe an image.</summary>
    public Task<MjTask> DescribeAsync(MjDescribeRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        SubmitValidation.OneImage(request.Image, request.Link);
        return SubmitAsync("describe", request, "DESCRIBE", null, null, null, state => RequestBodies.Describe(request, state), cancellationToken);
    }

    /// <summary>Analyses a prompt and suggests shorter ones.</summary>
    public Task<MjTask> ShortenAsync(MjShortenRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        SubmitValidation.Prompt(request.Prompt);
        return SubmitAsync("shorten", request, "SHORTEN", request.Prompt, null, null, state => RequestBodies.Shorten(request, state), cancellationToken);
    }

    /// <summary>Makes a video from an image.</summary>
    public Task<MjTask> VideoAsync(MjVideoRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        SubmitValidation.Prompt(request.Prompt);
        SubmitValidation.Video(request);
        return SubmitAsync("video", request, "VIDEO", request.Prompt, null, null, state => RequestBodies.Video(request, state), cancellationToken);
    }

    /// <summary>Edits an image with a prompt.</summary>
    public Task<MjTask> EditAsync(MjEditRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        SubmitValidation.Prompt(request.Prompt);
        SubmitValidation.ImageReferences(new[] { request.Image }, nameof(request.Image));
        return SubmitAsync("edits", request, "EDIT", request.Prompt, null, null, state => RequestBodies.Edit(request, state), cancellationToken);
    }

    /// <summary>
    /// Retextures an image with a prompt (<c>POST /mj/submit/retexture</c>, TrueAI): Midjourney keeps the image's shapes
    /// and layout and repaints its surfaces, light and style, where an edit may change what is in the picture.
    /// </summary>
    public Task<MjTask> RetextureAsync(MjEditRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        SubmitValidation.Prompt(request.Prompt);
        SubmitValidation.ImageReferences(new[] { request.Image }, nameof(request.Image));
        return SubmitAsync("retexture", request, "RETEXTURE", request.Prompt, null, null, state => RequestBodies.Edit(request, state), cancellationToken);
    }

    /// <summary>
    /// Completes a MODAL task with a prompt and/or mask. Returns the same task as the server has it after the submit
    /// (queued, with its real action), its <see cref="MjTask.ParentId"/> the clicked task. The journal keeps one line
    /// per task: the MODAL task is written only when the click was not journaled here.
    /// </summary>
    public async Task<MjTask> SubmitModalAsync(MjModalRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        ValidateId(request.TaskId, nameof(request.TaskId));
        SubmitValidation.Mask(request.MaskBase64);

        // The modal keeps the caller's state only; the task already has its own.
        var accepted = await SubmitManyAsync("modal", request, null, request.Prompt, null, null, _ => RequestBodies.Modal(request), cancellationToken,
            tagState: false, journal: false).ConfigureAwait(false);
        // The answer holds only the id (the same task): read it back, so callers see its action, status and prompt.
        var task = accepted[0];
        try
        {
            task = await GetTaskAsync(request.TaskId, cancellationToken).ConfigureAwait(false);
        }
        catch (MjException e)
        {
            _options.Trace?.Invoke($"could not read task {request.TaskId} back after its modal submit: {e.Message}");
        }

        task = task.WithOrigin(BaseAddress, request.ParentId);
        if (await IsJournaledAsync(task.Id, cancellationToken).ConfigureAwait(false) == false)
        {
            await JournalAsync(new[] { task }, request.Mode ?? _options.Mode, null, cancellationToken).ConfigureAwait(false);
        }

        return task;
    }

    /// <summary>Legacy U/V/R through <c>/mj/submit/change</c> (novicezk, Plus, gateways; not TrueAI v10+).</summary>
    public Task<MjTask> ChangeAsync(string taskId, MjChangeAction action, int index = 1, MjSubmitRequest? options = null, CancellationToken cancellationToken = default)
    {
        ValidateId(taskId, nameof(taskId));
        if (index is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "The image index must be 1 to 4.");
        }

        var actionName = action.ToString().ToUpperInvariant();
        return SubmitAsync("change", options, actionName, null, taskId, null, state => RequestBodies.Change(taskId, actionName, index, options, state), cancellationToken);
    }

    /// <summary>Legacy short form through <c>/mj/submit/simple-change</c>: <c>"&lt;taskId&gt; U1"</c>, <c>"V2"</c>, <c>"R"</c>.</summary>
    public Task<MjTask> SimpleChangeAsync(string content, MjSubmitRequest? options = null, CancellationToken cancellationToken = default)
    {
        var parts = (content ?? string.Empty).Trim().Split(' ');
        if (parts.Length != 2 || !IsSimpleChangeCommand(parts[1]))
        {
            throw new ArgumentException($"'{content}' is not '<taskId> U1..U4', '<taskId> V1..V4' or '<taskId> R'.", nameof(content));
        }

        var action = char.ToUpperInvariant(parts[1][0]) switch { 'U' => "UPSCALE", 'V' => "VARIATION", _ => "REROLL" };
        return SubmitAsync("simple-change", options, action, null, parts[0], null, state => RequestBodies.SimpleChange(content!.Trim(), options, state), cancellationToken);
    }

    /// <summary>Uploads images and returns their (expiring) Discord CDN URLs. No task is created.</summary>
    public async Task<IReadOnlyList<string>> UploadImagesAsync(IEnumerable<string> images, CancellationToken cancellationToken = default)
    {
        var list = images?.ToList() ?? throw new ArgumentNullException(nameof(images));
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one image.", nameof(images));
        }

        var path = ApiPaths.Submit("upload-discord-images", SpeedMode.Default);
        try
        {
            var (envelope, _) = await _transport.SubmitAsync(path, RequestBodies.UploadImages(list), cancellationToken).ConfigureAwait(false);
            Capabilities.HasUploadImages = true;
            return envelope.Results;
        }
        catch (MjApiException e) when (RouteMissing.Is(e))
        {
            Capabilities.HasUploadImages = false;
            throw;
        }
        catch (AmbiguousSubmitFailure e)
        {
            // An upload creates no task, so repeating it costs nothing but time; say so plainly.
            throw new MjServerException(Sentences.Join(e.Message, "Uploads create no task; it is safe to try again."), null, null, null, path, e.InnerException);
        }
    }

    /// <summary>
    /// The one submit path: validation already done; sends, recovers a lost answer through the task list,
    /// turns the envelope into tasks and writes the journal.
    /// </summary>
    private async Task<MjTask> SubmitAsync(string endpoint, MjSubmitRequest? request, string action, string? prompt, string? parentId, string? customId,
        Func<string?, byte[]> body, CancellationToken cancellationToken, bool tagState = true)
    {
        var tasks = await SubmitManyAsync(endpoint, request, action, prompt, parentId, customId, body, cancellationToken, tagState).ConfigureAwait(false);
        return tasks[0];
    }

    private async Task<IReadOnlyList<MjTask>> SubmitManyAsync(string endpoint, MjSubmitRequest? request, string? action, string? prompt, string? parentId, string? customId,
        Func<string?, byte[]> body, CancellationToken cancellationToken, bool tagState = true, bool journal = true)
    {
        var mode = request?.Mode ?? _options.Mode;
        var state = request?.State;
        var generatedState = false;
        if (state is null && tagState && _options.RecoverAmbiguousSubmits)
        {
            state = RecoveryTag.New();
            generatedState = true;
        }

        var path = ApiPaths.Submit(endpoint, mode);
        var bytes = body(state);
        var startedAt = DateTimeOffset.UtcNow; // compared with the server's submit times during recovery
        var patienceStarted = Time.GetTimestamp();
        long? patienceEnd = _options.QueueFullPatience > TimeSpan.Zero
            ? patienceStarted + (long)(_options.QueueFullPatience.TotalSeconds * Time.TimestampFrequency)
            : null;
        var provenRetries = 0;
        var busyRounds = 0;
        var again = false;

        // Once per client: with a key that may read the account list, submits start from the pool's real capacity.
        await Admin.EnsureCapacityAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            // Wait our turn: after a full queue or a 429, the client's submits wait for a slot or the pause's end
            // instead of each retrying on its own. A refused submit created nothing, so this never pays twice.
            using var ticket = await _admission.EnterAsync(again, patienceEnd, cancellationToken).ConfigureAwait(false);
            try
            {
                var (envelope, _) = await _transport.SubmitAsync(path, bytes, cancellationToken, retryBusy: false).ConfigureAwait(false);
                var tasks = FromEnvelope(envelope, action, prompt, parentId, state);
                ticket.Accepted(tasks.Where(t => t.Id != parentId).ToList());
                if (journal)
                {
                    // A click that makes no task (a bookmark) answers the clicked task's own id: nothing new to keep.
                    await JournalAsync(tasks.Where(t => t.Id != parentId).ToList(), mode, customId, cancellationToken).ConfigureAwait(false);
                }

                return tasks;
            }
            catch (MjApiException missing) when (RouteMissing.Is(missing))
            {
                // Nothing was created by a 404; say whether the server lacks the endpoint or -Uri is not a proxy at all.
                throw await ExplainRouteMissingAsync(missing, cancellationToken).ConfigureAwait(false);
            }
            catch (MjApiException noAccount) when (MjAdminApi.IsNoUsableAccount(noAccount))
            {
                // Code 3 "无可用的账号实例": nothing was created; say why, from the account list where the key may read it.
                throw await Admin.ExplainNoUsableAccountAsync(noAccount, mode, cancellationToken).ConfigureAwait(false);
            }
            catch (MjServerBusyException busy)
            {
                // Nothing was created. Within the patience (or, without one, the retry count) wait for a turn again.
                ticket.Refused(busy);
                var patient = patienceEnd is long end ? _admission.IsPatient(end) : ++busyRounds <= _options.MaxSubmitRetries;
                if (!patient)
                {
                    throw;
                }

                again = true;
                _options.Trace?.Invoke($"server busy, this submit waits for its turn: {busy.Description ?? busy.Message}");
            }
            catch (AmbiguousSubmitFailure lost)
            {
                var recovery = await RecoverAsync(state, generatedState, startedAt, cancellationToken).ConfigureAwait(false);
                if (recovery.Task is null && recovery.ProvedAbsent && !lost.ResponseReceived)
                {
                    // A cut exchange may still be running on the server: trust the list only after a grace period,
                    // and never after a timeout (the server may be slow rather than gone).
                    if (lost.TimedOut || _options.LostAnswerGrace <= TimeSpan.Zero)
                    {
                        recovery = (null, false);
                    }
                    else
                    {
                        await Time.Delay(_options.LostAnswerGrace, cancellationToken).ConfigureAwait(false);
                        recovery = await RecoverAsync(state, generatedState, startedAt, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (recovery.Task is { } found)
                {
                    _options.Trace?.Invoke($"recovered task {found.Id} after: {lost.Message}");
                    var tasks = new[] { Complete(found, parentId) };
                    ticket.Accepted(tasks);
                    if (journal)
                    {
                        await JournalAsync(tasks, mode, customId, cancellationToken).ConfigureAwait(false);
                    }

                    return tasks;
                }

                // Resend only when the task list proves nothing was created (see LostAnswerGrace for cut connections).
                if (recovery.ProvedAbsent && provenRetries++ < _options.MaxSubmitRetries)
                {
                    _options.Trace?.Invoke($"resubmitting: the task list proves nothing was created after: {lost.Message}");
                    continue;
                }

                throw new MjAmbiguousSubmitException(
                    Sentences.Join(lost.Message, "The server may or may not have created a task, so it was not submitted again (that could pay twice). ")
                    + (state is null ? "Check the server's task list before resubmitting." : $"Look for a task with state '{state}' (Get-MjTask -Recent, or the server's task list) before resubmitting."),
                    path, state, lost.InnerException);
            }
        }
    }

    private IReadOnlyList<MjTask> FromEnvelope(SubmitEnvelope envelope, string? action, string? prompt, string? parentId, string? state)
    {
        // TrueAI's "Imagine all" answers several comma-joined ids; a bookmark answers the parent's own id.
        var ids = envelope.Results.SelectMany(r => r.Split(',')).Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        if (ids.Count == 0)
        {
            throw new MjProtocolException($"The server accepted the request (code {envelope.Code}) but sent no task id.", null, null);
        }

        try
        {
            AnswerLimits.CheckTasks(ids.Count, "task ids");
            ids.ForEach(TaskText.CheckId);
        }
        catch (OverLimitException over)
        {
            throw AnswerLimits.ToError(over, $"{BaseAddress} (a submit)", null, null);
        }
        catch (JsonException bad)
        {
            throw new MjProtocolException($"The server accepted the request (code {envelope.Code}), but: {bad.Message}", null, null, bad);
        }

        var existed = envelope.Code == 21 && (envelope.Description ?? string.Empty).Contains("已存在");
        var status = envelope.Code == 21 && !existed ? MjTaskStatus.Modal : MjTaskStatus.NotStarted;
        var queue = envelope.Code == 22 && int.TryParse(envelope.GetProperty("numberOfQueues"), out var ahead) ? ahead : (int?)null;
        var now = DateTimeOffset.UtcNow;
        return ids.Select(id => Complete(TaskText.Clean(new MjTask(id)
        {
            Action = action,
            Status = status,
            Prompt = prompt ?? envelope.GetProperty("finalPrompt"),
            Description = envelope.Description,
            State = state,
            SubmitTime = now,
            Properties = envelope.Properties,
            QueuePosition = queue,
        }), parentId)).ToList();
    }

    /// <summary>
    /// Looks for the task of a submit whose answer was lost. Only our own generated tag can prove that nothing was
    /// created; a caller's state may be shared by older tasks, so it can find the task but never prove absence.
    /// </summary>
    private async Task<(MjTask? Task, bool ProvedAbsent)> RecoverAsync(string? state, bool generatedState, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        if (state is null || !_options.RecoverAmbiguousSubmits || Capabilities.HasList == false)
        {
            return (null, false);
        }

        try
        {
            var recent = await ListTasksAsync(cancellationToken).ConfigureAwait(false);
            var matches = recent.Where(t => t.State == state
                && (generatedState || t.SubmitTime is null || t.SubmitTime >= startedAt.AddMinutes(-10))).ToList();
            return matches.Count switch
            {
                1 => (matches[0], false),
                0 => (null, generatedState),
                _ => (null, false),
            };
        }
        catch (MjException e)
        {
            _options.Trace?.Invoke($"could not look for a lost submit in the task list: {e.Message}");
            return (null, false);
        }
    }

    private async Task JournalAsync(IReadOnlyList<MjTask> tasks, SpeedMode mode, string? customId, CancellationToken cancellationToken)
    {
        if (Journal is null)
        {
            return;
        }

        foreach (var task in tasks)
        {
            try
            {
                var entry = MjJournalEntry.FromTask(task, task.SubmitTime ?? DateTimeOffset.UtcNow, customId, mode == SpeedMode.Default ? null : mode.ToString());
                await Journal.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException)
            {
                // The task exists whatever the journal says; a full disk must not turn a paid submit into an error.
                _options.Trace?.Invoke($"could not write task {task.Id} to the journal: {e.Message}");
            }
        }
    }

    /// <summary>True when the journal has a line for the task, false when not, null when there is no journal or it cannot be read.</summary>
    private async Task<bool?> IsJournaledAsync(string id, CancellationToken cancellationToken)
    {
        if (Journal is null)
        {
            return null;
        }

        try
        {
            return await Journal.FindAsync(id, cancellationToken).ConfigureAwait(false) is not null;
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException)
        {
            _options.Trace?.Invoke($"could not read the journal: {e.Message}");
            return null;
        }
    }

    private static bool IsSimpleChangeCommand(string command)
    {
        if (command.Length == 1)
        {
            return command[0] is 'R' or 'r';
        }

        return command.Length == 2 && char.ToUpperInvariant(command[0]) is 'U' or 'V' && command[1] is >= '1' and <= '4';
    }

    private static void Require(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }
}
