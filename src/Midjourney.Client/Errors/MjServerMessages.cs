using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Midjourney.Client;

/// <summary>
/// The one table of known server messages (reference §1.2–§1.3, §2, §4.5, §6 and the simulator's texts): each gets an
/// English explanation and what to do. The first matching entry wins, so the more specific texts come first.
/// Placeholders such as <c>{w}</c> in the English are filled from the named groups of the pattern. Advice is written
/// as clauses and made a sentence in one place (<see cref="Entry"/>), so shared clauses such as <see cref="AskAdmin"/>
/// join without a stray capital; <c>{speed}</c> marks where "or another speed mode" goes when the request had one.
/// </summary>
public static class MjServerMessages
{
    private const MjServerMessageKind General = MjServerMessageKind.General;
    private const MjServerMessageKind Unavailable = MjServerMessageKind.Unavailable;
    private const MjServerMessageKind BadRequest = MjServerMessageKind.BadRequest;

    // Clauses: lower case, no full stop; an entry's advice becomes one sentence when the entry is made.
    private const string AskAdmin = "ask the server's administrator";
    private const string TryLater = "nothing was created; try again later";
    private const string LaterOrAdmin = "try again later{speed}; if it persists, " + AskAdmin;
    private const string Resubmit = "submit it again; if it keeps happening, shorten the prompt or leave out default parameters";
    private const string ModuleBug = "if the parameters are right, report this as a bug of the module (with the server's words below)";

    private static readonly Entry[] Entries =
    {
        // Moderation: the prompt or the picture was refused.
        new(@"可能包含敏感词", "The server refused the prompt: it may contain a banned word.", "Reword the prompt; do not submit it again as it is (repeated hits can lock the account).", MjServerMessageKind.BannedPrompt),
        new(@"(?i)banned prompt(?:.*?word\s*[`'""](?<word>[^`'""]+)[`'""])?", "Midjourney refused the prompt as banned.", "Reword the prompt; do not submit it again as it is (repeated hits can get the account banned).", MjServerMessageKind.BannedPrompt),
        new(@"(?i)output filters", "Midjourney cancelled the job: the image it made was caught by its output filters.", "Reword the prompt; do not submit it again as it is.", MjServerMessageKind.BannedPrompt),
        new(@"(?i)action needed to continue", "Midjourney stopped the job and asks for an appeal in Discord (moderation).", "Reword the prompt, or ask the administrator to look at the Midjourney account.", MjServerMessageKind.BannedPrompt),
        new(@"账号已被临时封锁", "Your account on this server is temporarily locked after repeated banned prompts.", "Wait, and reword your prompts before submitting again.", MjServerMessageKind.BannedPrompt),
        new(@"(?i)^\[?Image denied", "Midjourney refused an image of the job (moderation).", "Use another image; do not submit it again as it is (repeated hits can get the account banned).", MjServerMessageKind.BannedPrompt),

        // Midjourney's bot refused or stopped the job: TrueAI 11.10.3's Discord handler (DiscordWebSocketService) fails the
        // task with the bot's error as "{title}, {description}" (other proxies: "[{title}] {description}").
        new(@"(?i)^\[?Invalid parameter\b", "Midjourney refused a parameter of the prompt.", "Fix the parameter the server's words below name, then submit again (without -SkipParameterCheck the module checks the parameters first).", General),
        new(@"(?i)^\[?Invalid prompt\b", "Midjourney refused the prompt as invalid.", "Fix what the server's words below name, then submit again.", General),
        new(@"(?i)^\[?Invalid link\b", "Midjourney could not use an image link of the prompt.", "Give a public image URL, or the image as a file, then submit again.", General),
        new(@"(?i)^\[?Queue full\b", "Midjourney's queue for the server's account was full (too many jobs at once there), so the job failed.", "Submit it again later.", MjServerMessageKind.Timeout),
        new(@"(?i)^\[?Job queued\b", "Midjourney queued the job behind the account's other jobs.", "Wait for it (Wait-MjTask).", General),
        new(@"^\[?(?<state>Pending mod message|Blocked|Plan Cancelled|Subscription required|Subscription paused)\b", "Midjourney stopped the server's Midjourney account ({state}), so the job failed; TrueAI disables such an account.", "Submit it again (another account may take it); if it keeps happening, " + AskAdmin + ", who can see the account with Get-MjAccount", Unavailable),
        new(@"(?i)Tos not accepted", "The server's Midjourney account has not accepted Midjourney's terms of service.", AskAdmin, Unavailable),
        new(@"任务失败，请重试", "The task failed: the server's Midjourney account ran out of fast hours (TrueAI fails the running task so when Midjourney says its credits are exhausted).", "Submit it again{speed}; if it persists, " + AskAdmin, Unavailable),

        // Parent and task lookups.
        new(@"关联任务不存在或已失效", "The task you acted on does not exist on this server, or has expired.", "Act only on tasks made on this server with this key (Get-MjTask -Recent lists yours); new tasks can be clicked again.", MjServerMessageKind.TaskNotFound),
        new(@"关联任务状态错误", "The task you acted on is not finished yet (not SUCCESS), or still waits in its MODAL step.", "Wait for it (Wait-MjTask) or finish its MODAL step (Submit-MjModal), then try again.", General),
        new(@"关联任务不允许执行变化", "The task you acted on does not allow this change.", "Use a button the task offers (its Buttons property).", General),
        new(@"该任务不支持重新生成", "This task cannot be rerolled.", "Reroll the grid it came from, or imagine the prompt again.", General),
        new(@"该任务所属渠道已被禁用", "The gateway channel this task belongs to has been disabled.", "Submit a new task, or " + AskAdmin, MjServerMessageKind.TaskNotFound),
        new(@"task_no(?:t)?_found", "The gateway does not know this task (another key made it, or it expired).", "Act only on tasks made through this gateway with this key.", MjServerMessageKind.TaskNotFound),
        new(@"TASK_NOT_FOUND", "The server does not know this task.", "Check the id; tasks made elsewhere or expired are not found.", MjServerMessageKind.TaskNotFound),
        new(@"目标任务不存在", "The server has no task waiting for this step (the task is not in its MODAL step, or no longer runs).", "Use Submit-MjModal only on a task whose Status is Modal (Get-MjTask shows it)", General),
        new(@"任务不存在", "The task does not exist on this server.", "Check the id; tasks made elsewhere or expired are not found.", MjServerMessageKind.TaskNotFound),
        new(@"任务状态错误，任务不在 ?MODAL ?状态", "The task is not waiting in a MODAL step, so there is nothing to submit for it.", "Use Submit-MjModal only on a task whose Status is Modal.", General),
        new(@"任务状态错误", "The task is in a state that does not allow this (for example already finished).", "Get the task again (Get-MjTask) and check its Status.", General),
        new(@"任务类型错误", "The task is of the wrong kind for this request.", "Use a task of the kind the request needs (for example an upscaled image).", General),
        new(@"未找到 ?seed", "The server has no seed for this task.", "Ask for the seed of a finished grid or upscale only.", General),
        new(@"任务已存在", "This task exists already (old novicezk servers refuse the same upscale twice).", "Use the existing task instead of clicking again.", General),

        // Accounts behind the proxy.
        new(@"无可用的账号实例", "The server has no Midjourney account that can take this job (all disabled, busy, or out of fast hours for this mode).", LaterOrAdmin + ", who can see why with Get-MjAccount", Unavailable),
        new(@"未找到账号实例", "The server has no Midjourney account for this job (none is configured, or the one asked for is gone).", LaterOrAdmin, Unavailable),
        new(@"请求失败，禁用账号", "Discord refused the server's request, and the server disabled the Midjourney account that sent it.", "Submit it again (another account may take it); if it keeps happening, " + AskAdmin + ", who can see the account with Get-MjAccount", Unavailable),
        new(@"^请求失败$", "The server's request to Discord failed.", Resubmit, Unavailable),
        new(@"^提交失败$", "The server could not send the job to Discord.", Resubmit, Unavailable),
        new(@"实例不存在或不可用", "The server has no Midjourney account that can take the images (none is usable, so it cannot upload them).", "try again later; if it persists, " + AskAdmin, Unavailable), // an upload has no speed: another mode does not help
        new(@"账号不可用(?:[:：]\s*(?<id>\S+))?", "A Midjourney account of the server is unavailable{ id}.", LaterOrAdmin, Unavailable),
        new(@"作业执行中", "The server is busy with this Midjourney account (it is connecting, checking or changing it; TrueAI locks an account while it does).", "Try again in a few seconds", Unavailable),
        new(@"实例不可用", "The Midjourney account that ran this task became unavailable.", Resubmit, MjServerMessageKind.Timeout),
        new(@"当前账号不支持编辑/重绘任务", "The server's Midjourney account cannot do edit or retexture jobs.", AskAdmin, General),
        new(@"当前账号不支持 ?remix", "The server's Midjourney account does not support remix.", "Turn remix off for this job, or " + AskAdmin, General),

        // Bad input.
        new(@"(?i)prompt ?不能为空", "The prompt is empty.", "Give a prompt.", General),
        new(@"maskBase64格式错误", "The mask is not a PNG image.", "Give the mask as a PNG of the image's size (black keeps, white repaints).", General),
        new(@"蒙版尺寸错误[:：]\s*需要\s*(?<w>\d+)\s*[x×]\s*(?<h>\d+)[,，]\s*收到\s*(?<mw>\d+)\s*[x×]\s*(?<mh>\d+)", "The mask is {mw}x{mh} but the image is {w}x{h}.", "Give a PNG mask of the image's size (black keeps, white repaints).", General),
        new(@"蒙版尺寸错误", "The mask is not the size of the image.", "Give a PNG mask of the image's size (black keeps, white repaints).", General),
        new(@"base64Array不能为空", "No images were given.", "Give at least one image.", General),
        new(@"base64List参数错误|图片参数错误", "A blend needs 2 to 5 images.", "Give 2 to 5 images.", General),
        new(@"base64或link不能为空", "The image to describe is missing (neither data nor a link was sent).", "Give an image file or a public image URL.", General),
        new(@"image或prompt不能为空", "The image or the prompt is missing.", "Give both an image and a prompt.", General),
        new(@"disabled upload base64", "The server does not take images as data (uploads of base64 are off).", "Give public image URLs instead, or " + AskAdmin, General),
        new(@"base64 ?参数错误", "No image was sent, or it is not valid base64 data.", "Give image files, or public image URLs.", General),
        new(@"base64格式错误", "An image is not valid base64 data (novicezk wants a data: URL).", "Give image files or data:image/png;base64,… URLs; prefer public image URLs for big images.", General),
        new(@"image不能为空或格式错误", "The image is missing or is not an image.", "Give a PNG, JPEG, GIF or WebP image, or a public image URL.", General),
        new(@"链接格式错误", "A link is not a valid http(s) URL.", "Give a full http:// or https:// URL.", General),
        new(@"dimensions参数错误", "The blend dimensions must be PORTRAIT, SQUARE or LANDSCAPE.", "Use -Dimensions Portrait, Square or Landscape.", General),
        new(@"batchSize参数错误", "The batch size is not one the server accepts.", "Leave the batch size out, or use 1, 2 or 4.", General),
        new(@"motion参数错误", "The video motion must be low or high.", "Use -Motion Low or High.", General),
        new(@"Custom Zoom 需要 --zoom", "Custom Zoom needs --zoom N in the prompt, with 1 < N ≤ 2.", "Add for example --zoom 1.5 to the prompt.", General),
        new(@"index参数错误", "The image index must be 1 to 4.", "Use an index from 1 to 4.", General),
        new(@"customId不能为空", "The button's customId is missing.", "Click a button the task offers (Invoke-MjButton).", General),
        new(@"taskId不能为空", "The task id is missing.", "Give the id of the task.", General),
        new(@"action参数错误", "The server does not accept this action.", "Use a button the task offers (Invoke-MjButton).", General),
        new(@"content参数错误", "The change is not '<id> U1..U4', '<id> V1..V4' or '<id> R'.", "Click a button instead (Invoke-MjButton).", General),
        new(@"未知的 ?Action ?类型", "The server does not route this button's action (TrueAI 11 and later route neither ❤️ nor the picks of a shorten, though the tasks still show them).", "For a shorten pick, imagine its prompt instead (New-MjImagine $task.Prompts[n]); for another button, use one of the U, V, zoom, pan or reroll buttons the task offers.", General),
        new(@"unknown_action[:：]?\s*(?<id>\S*)", "The gateway does not support this button{ id}.", "Use U, V or reroll, or a server that supports the button.", General),
        new(@"State参数过长[,，]?\s*最大\s*(?<max>\d+)", "The state text is longer than the server's limit of {max} characters.", "Give a shorter state", General),
        new(@"NotifyHook参数过长[,，]?\s*最大\s*(?<max>\d+)", "The notify hook URL is longer than the server's limit of {max} characters.", "Give a shorter notify hook URL", General),

        // The request could not be read (ASP.NET Core model binding, the Go gateway's binder): only here the request is to blame.
        new(@"请求体不能为空|A non-empty request body is required", "The server got the request without its body.", "Report this as a bug of the module (with the server's words below)", BadRequest),
        new(@"could not be converted(?:.*?Path: \$\.?(?<field>[\w.\[\]]*))?", "The server could not read a value of the request{ field}.", "Check that value; " + ModuleBug, BadRequest),
        new(@"The (?<field>\w+) field is required", "The request lacks '{field}', which the server needs.", "Give it; " + ModuleBug, BadRequest),
        new(@"请求体格式错误|bind_request_body_failed|(?i:JSON payload|is an invalid start of a value|is invalid after a value|LineNumber: \d+ \| BytePositionInLine)", "The server could not read the request's JSON.", "Check the parameters; " + ModuleBug, BadRequest),
        new(@"禁止上传", "The server does not allow image uploads.", "Give public image URLs instead, or " + AskAdmin, General),
        new(@"(?:悠船)?链接转换失败", "The server could not turn an image link into one Midjourney can use.", "Give the image as a file or another public URL; if it persists, " + AskAdmin, General),
        new(@"解析链接失败\s*(?<url>\S*?),?(?:\s|$)", "The server could not read the image link{ url}.", "Check that the link is a public image URL, or give the image as a file", General),
        new(@"上传图片到(?:加速站点|云存储)(?:失败|异常)", "The server could not upload the image to its image host.", "Try again later; if it persists, " + AskAdmin, Unavailable),
        new(@"上传图片失败，未启用用户上传功能", "The server does not take image uploads from its users (its upload feature is off).", "Give public image URLs instead, or " + AskAdmin, General),
        new(@"发送图片消息到discord失败[:：]\s*图片不存在", "The server could not send the image to Discord: it did not find the image.", "Give the image again (a file, or a public image URL).", General),
        new(@"(?i)上传图片到discord失败|发送图片消息到discord失败", "The server could not upload the image to Discord.", "Try again later; if it persists, " + AskAdmin, Unavailable),
        new(@"(?i)自动读discord消息失败", "The server could not read the image back from Discord after uploading it.", "Try again later; if it persists, " + AskAdmin, Unavailable),
        new(@"上传失败，未返回有效链接", "The server's image upload gave no link back.", "Try again later; if it persists, " + AskAdmin, Unavailable),
        new(@"服务不支持", "The server does not support this request.", "Use another server, or " + AskAdmin, General),
        new(@"视频功能未启用", "Video is not enabled on this server.", "Use another server, or " + AskAdmin, General),
        new(@"^参数错误", "The server refused a parameter.", "Check the parameters.", General),

        // Limits, queues and load: nothing was created.
        new(@"队列已满", "The server's queue is full.", TryLater, MjServerMessageKind.Busy),
        new(@"当前分组负载已饱和", "The gateway's group is saturated.", TryLater, MjServerMessageKind.Busy),
        new(@"并发数已达上限", "Your limit of jobs running at once on this server is reached.", "Wait for your running tasks to finish, then submit again.", General),
        new(@"队列数已达上限", "Your limit of queued jobs on this server is reached.", "Wait for your queued tasks to start, then submit again.", General),
        new(@"访客今日绘图次数已达上限", "The guest limit of images for today is reached.", "Use your own key (Connect-MjServer -ApiKey), or try again tomorrow.", General),
        new(@"用户今日绘图次数已达上限", "Your limit of images for today on this server is reached.", "Try again tomorrow, or " + AskAdmin, General),
        new(@"今日绘图次数已达上限", "The limit of images for today on this server is reached.", "Try again tomorrow, or " + AskAdmin, General),
        new(@"总绘图次数已达上限", "Your total limit of images on this server is reached.", AskAdmin, General),
        new(@"quota_not_enough", "Your gateway account has not enough quota for this job.", "Top up the account's quota, then submit again.", General),

        // Server failures.
        new(@"提交失败，系统异常", "The server failed while submitting (internal error); it says no task was made.", "Try again; if it persists, " + AskAdmin, General),
        new(@"服务异常，请稍后重试", "The server failed.", "Try again later; if it persists, " + AskAdmin, MjServerMessageKind.Timeout),
        new(@"服务暂不可用", "The server cannot take jobs now: it is unavailable (on TrueAI, its Redis is down or not configured).", "Try again later; if it persists, " + AskAdmin, Unavailable),
        new(@"操作失败", "The server failed to handle the request.", "Try again; if it persists, " + AskAdmin, General),
        new(@"do_request_failed", "The gateway could not reach its upstream proxy.", "Try again later; if it persists, ask the gateway's administrator.", General),
        new(@"empty_response_body", "The gateway's upstream proxy answered nothing.", "Try again later; if it persists, ask the gateway's administrator.", General),

        // Timeouts and cancellation of running tasks.
        new(@"上游任务超时", "The gateway gave up on the task after 1 hour (the quota is refunded).", Resubmit, MjServerMessageKind.Timeout),
        new(@"任务超时，自动取消", "The task never started: the Midjourney account it waited for became unavailable, and the server cancelled it.", Resubmit, MjServerMessageKind.Timeout),
        new(@"超时，未找到消息", "The server sent the job to Midjourney but found no answer to it in time.", Resubmit, MjServerMessageKind.Timeout),
        new(@"执行超时\s*(?<minutes>[\d.]+)\s*分钟", "The task ran longer than the server's limit of {minutes} minutes and was stopped.", Resubmit, MjServerMessageKind.Timeout),
        new(@"执行超时", "The task ran longer than the server's limit and was stopped.", Resubmit, MjServerMessageKind.Timeout),
        new(@"任务提交超时", "The task waited too long in the queue and was dropped.", "Submit it again later, when the server is less busy.", MjServerMessageKind.Timeout),
        new(@"任务超时", "The task timed out on the server (no reply from Midjourney was matched to it in time).", Resubmit, MjServerMessageKind.Timeout),
        new(@"取消任务", "The task was cancelled.", "Submit it again if you still want it.", General),
        new(@"强制取消", "The server cancelled the task when it stopped the Midjourney account running it (a restart, or a change of the account).", "Submit it again if you still want it.", General),
        new(@"删除任务", "The server's administrator deleted the task.", "Submit it again if you still want it.", General),

        // Other failures TrueAI puts on a task (DiscordService, the face swap services).
        new(@"未找到父级任务", "The server no longer has the task this one acts on (its parent).", "Act on a task the server still has (Get-MjTask shows it), or imagine again.", MjServerMessageKind.TaskNotFound),
        new(@"未找到目标图片的 ?U ?操作", "The server found no upscale (U) button for the chosen image on the task this one acts on.", "Upscale that image first (Invoke-MjButton -Label U1 to U4), then act on the upscale.", General),
        new(@"^未知操作", "The server does not know how to do this action.", "Use a button the task offers (its Buttons property).", General),
        new(@"不支持的操作", "The server does not support this action for this task.", "Use a button the task offers (its Buttons property).", General),
        new(@"找不到 ?extend ?按钮(?:\s*\(motion:\s*(?<motion>[^)\s]*)\))?", "The video has no Extend button for this motion{ motion}.", "Extend it with the other motion (-Motion Low or High), or extend another video.", General),
        new(@"^未知错误", "The server failed with an error it did not name.", "Try again later; if it persists, " + AskAdmin, MjServerMessageKind.Timeout),
        new(@"^文件上传失败", "The server could not upload a file of the job to its face-swap service.", "Try again later; if it persists, " + AskAdmin, Unavailable),
        new(@"^文件不存在", "A file the job needs was not found on the server.", "Submit it again with its images; if it persists, " + AskAdmin, General),
        new(@"^执行失败", "The server's face-swap service failed the job.", Resubmit, MjServerMessageKind.Timeout),
        new(@"(?i)^\[Internal Server Error\]", "The server failed while running the task (an internal error).", "Submit it again; if it persists, " + AskAdmin, MjServerMessageKind.Timeout),

        // Administration (TrueAI /mj/admin): refusals of account, user and banned-word changes.
        new(@"不能删除管理员账号", "The server's administrator user cannot be removed.", "Remove another user (Get-MjUser lists them).", General),
        new(@"不能删除默认账号", "The server's default user cannot be removed.", "Remove another user (Get-MjUser lists them).", General),
        new(@"不能删除默认违规词", "The server's default banned-word list cannot be removed.", "Take words out of it instead (Remove-MjBannedWord -Id default -Word ...).", General),
        new(@"Token 重复", "Another user of the server has this token already.", "Make the user again: New-MjUser makes a new random token.", General),
        new(@"Token 不能为空", "A user needs a token.", "Make users with New-MjUser, which makes one.", General),
        new(@"用户名不能为空", "A user needs a name.", "Give -Name.", General),
        new(@"同步失败", "The server could not sync the account with Midjourney.", "Try again later; Get-MjAccount shows whether the account is connected.", General),
        new(@"未开启赞助功能|无权限操作", "This key may not change this account (only its sponsor or the administrator may).", "Use the administrator's token.", General),

        // Auth texts (401/403 bodies).
        new(@"Authorization header missing", "The server needs a key and none was sent.", "Give one with Connect-MjServer -ApiKey (or MJ_API_KEY).", General),
        new(@"无效的令牌", "The gateway does not accept this key (invalid token).", "Check the key; gateways want -AuthScheme Bearer.", General),
        new(@"账号已禁用", "Your user account on this server is disabled.", AskAdmin, General),
        new(@"账号无权限|User is not admin|用户无权限", "This key has no permission for that (administrators only).", "Use an administrator's key, or " + AskAdmin, MjServerMessageKind.AdministratorOnly),
        new(@"未登录", "The server needs a key it knows, and this request had none.", "Give a key with Connect-MjServer -ApiKey (or MJ_API_KEY)", General),
        new(@"演示模式，禁止操作", "The server refuses this (demo mode, or administrators only).", "Use an administrator's key, or " + AskAdmin, MjServerMessageKind.AdministratorOnly),

        // Accepted answers that a failure may quote.
        new(@"窗口等待|Waiting for window confirm", "The task waits for its MODAL step (a prompt, or a mask and prompt).", "Finish it with Submit-MjModal.", General),
    };

    /// <summary>The explanation of <paramref name="text"/>, or null when the text is not known.</summary>
    public static MjServerMessage? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var entry in Entries)
        {
            var match = entry.Pattern.Match(text!);
            if (match.Success)
            {
                var word = match.Groups["word"] is { Success: true } group ? group.Value : null;
                return new MjServerMessage(text!, entry.Fill(match), entry.Advice, entry.Kind, word);
            }
        }

        return null;
    }

    /// <summary>The English explanation and advice of a known text, else the text itself.</summary>
    public static string Explain(string? text) => Find(text)?.ToString() ?? text ?? string.Empty;

    private sealed class Entry
    {
        private static readonly Regex Placeholder = new(@"\{ ?(?<name>\w+)\}", RegexOptions.CultureInvariant);

        public Entry(string pattern, string explanation, string advice, MjServerMessageKind kind)
        {
            Pattern = new Regex(pattern, RegexOptions.CultureInvariant);
            Explanation = explanation;
            Advice = Sentence(advice);
            Kind = kind;
        }

        /// <summary>Advice written as clauses becomes one sentence: a capital first letter and a full stop.</summary>
        private static string Sentence(string advice)
        {
            var text = advice.Trim();
            text = char.ToUpperInvariant(text[0]) + text.Substring(1);
            return Sentences.End(text);
        }

        public Regex Pattern { get; }

        public string Explanation { get; }

        public string Advice { get; }

        public MjServerMessageKind Kind { get; }

        /// <summary>Fills <c>{name}</c> from the match; <c>{ name}</c> becomes " (value)" or nothing when the group is empty.</summary>
        public string Fill(Match match) => Placeholder.Replace(Explanation, p =>
        {
            var group = match.Groups[p.Groups["name"].Value];
            var value = group.Success ? group.Value : string.Empty;
            if (p.Value.StartsWith("{ ", StringComparison.Ordinal))
            {
                return value.Length == 0 ? string.Empty : $" ({value})";
            }

            return value;
        });
    }

    /// <summary>Every pattern, for tests and documentation.</summary>
    internal static IEnumerable<string> Patterns
    {
        get
        {
            foreach (var entry in Entries)
            {
                yield return entry.Pattern.ToString();
            }
        }
    }
}
