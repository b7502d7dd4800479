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

    /// <summary>TrueAI's admin API: <c>/mj/admin/*</c> accounts, users, banned words, and <c>/mj/admin/current</c>.</summary>
    AdminApi,

    /// <summary>novicezk's account API: <c>GET /mj/account/list</c>, <c>GET /mj/account/{id}/fetch</c>.</summary>
    AccountList,

    /// <summary>Plus's account API: query, fetch, update-reconnect, sync-info, delete under <c>/mj/account</c>.</summary>
    AccountAdmin,
}
