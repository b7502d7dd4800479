namespace Midjourney.Simulator.Flavors;

/// <summary>The proxy endpoints a flavour may offer (absent ones answer 404).</summary>
internal enum SimRoute
{
    Imagine,
    Change,
    SimpleChange,
    Action,
    Modal,
    Blend,
    Describe,
    Shorten,
    Video,
    Edits,
    Retexture,
    UploadDiscordImages,
    Fetch,
    List,
    ListByCondition,
    ListByIds,
    Queue,
    Cancel,
    ImageSeed,
    Query,

    /// <summary>TrueAI's <c>GET /mj/home</c> (anonymous) and <c>GET /health</c>.</summary>
    Home,
}
