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
    UploadDiscordImages,
    Fetch,
    List,
    ListByCondition,
    ListByIds,
    Queue,
    Cancel,
    ImageSeed,
    Query,
}
