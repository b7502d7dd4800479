using System.Text.Json;

namespace Midjourney.Simulator.Json;

/// <summary>Pre-encoded property names: the writer skips escaping/transcoding them on every fetch.</summary>
internal static class JsonNames
{
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText Prompt = JsonEncodedText.Encode("prompt");
    public static readonly JsonEncodedText PromptEn = JsonEncodedText.Encode("promptEn");
    public static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    public static readonly JsonEncodedText State = JsonEncodedText.Encode("state");
    public static readonly JsonEncodedText SubmitTime = JsonEncodedText.Encode("submitTime");
    public static readonly JsonEncodedText StartTime = JsonEncodedText.Encode("startTime");
    public static readonly JsonEncodedText FinishTime = JsonEncodedText.Encode("finishTime");
    public static readonly JsonEncodedText Progress = JsonEncodedText.Encode("progress");
    public static readonly JsonEncodedText ImageUrl = JsonEncodedText.Encode("imageUrl");
    public static readonly JsonEncodedText ImageUrls = JsonEncodedText.Encode("imageUrls");
    public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    public static readonly JsonEncodedText Thumbnail = JsonEncodedText.Encode("thumbnail");
    public static readonly JsonEncodedText VideoUrl = JsonEncodedText.Encode("videoUrl");
    public static readonly JsonEncodedText VideoUrls = JsonEncodedText.Encode("videoUrls");
    public static readonly JsonEncodedText FailReason = JsonEncodedText.Encode("failReason");
    public static readonly JsonEncodedText Properties = JsonEncodedText.Encode("properties");
    public static readonly JsonEncodedText FinalPrompt = JsonEncodedText.Encode("finalPrompt");
    public static readonly JsonEncodedText FinalZhPrompt = JsonEncodedText.Encode("finalZhPrompt");
    public static readonly JsonEncodedText NotifyHook = JsonEncodedText.Encode("notifyHook");
    public static readonly JsonEncodedText DiscordInstanceId = JsonEncodedText.Encode("discordInstanceId");
    public static readonly JsonEncodedText DiscordChannelId = JsonEncodedText.Encode("discordChannelId");
    public static readonly JsonEncodedText BotType = JsonEncodedText.Encode("botType");
    public static readonly JsonEncodedText MessageHash = JsonEncodedText.Encode("messageHash");
    public static readonly JsonEncodedText MessageId = JsonEncodedText.Encode("messageId");
    public static readonly JsonEncodedText Nonce = JsonEncodedText.Encode("nonce");
    public static readonly JsonEncodedText Flags = JsonEncodedText.Encode("flags");
    public static readonly JsonEncodedText Remix = JsonEncodedText.Encode("remix");
    public static readonly JsonEncodedText ActionIndex = JsonEncodedText.Encode("action_index");
    public static readonly JsonEncodedText Buttons = JsonEncodedText.Encode("buttons");
    public static readonly JsonEncodedText CustomId = JsonEncodedText.Encode("customId");
    public static readonly JsonEncodedText Emoji = JsonEncodedText.Encode("emoji");
    public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText Style = JsonEncodedText.Encode("style");
    public static readonly JsonEncodedText Mode = JsonEncodedText.Encode("mode");
    public static readonly JsonEncodedText ParentId = JsonEncodedText.Encode("parentId");
    public static readonly JsonEncodedText JobId = JsonEncodedText.Encode("jobId");
    public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    public static readonly JsonEncodedText Width = JsonEncodedText.Encode("width");
    public static readonly JsonEncodedText Height = JsonEncodedText.Encode("height");
    public static readonly JsonEncodedText MaskBase64 = JsonEncodedText.Encode("maskBase64");
    public static readonly JsonEncodedText MidJourney = JsonEncodedText.Encode("MID_JOURNEY");
    public static readonly JsonEncodedText IsCompleted = JsonEncodedText.Encode("isCompleted");
    public static readonly JsonEncodedText ThumbnailUrl = JsonEncodedText.Encode("thumbnailUrl");
    public static readonly JsonEncodedText Displays = JsonEncodedText.Encode("displays");
    public static readonly JsonEncodedText Seed = JsonEncodedText.Encode("seed");
    public static readonly JsonEncodedText UseTime = JsonEncodedText.Encode("useTime");
    public static readonly JsonEncodedText InstanceId = JsonEncodedText.Encode("instanceId");
}
