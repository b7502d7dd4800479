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

    /// <summary>TrueAI's anonymous routes: <c>GET /mj/home</c>, <c>GET /health</c>, <c>GET /mj/admin/current</c>.</summary>
    Home,
}
