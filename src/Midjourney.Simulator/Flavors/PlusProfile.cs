using System.Collections.Generic;

namespace Midjourney.Simulator.Flavors;

/// <summary>litter-coder/midjourney-proxy-plus 3.x: the base behaviour with buttons, action/modal and speed prefixes.</summary>
internal sealed class PlusProfile : FlavorProfile
{
    private static readonly HashSet<SimRoute> RouteSet = new()
    {
        SimRoute.Imagine, SimRoute.Change, SimRoute.SimpleChange, SimRoute.Action, SimRoute.Modal, SimRoute.Blend,
        SimRoute.Describe, SimRoute.Shorten, SimRoute.UploadDiscordImages, SimRoute.Fetch, SimRoute.List,
        SimRoute.ListByCondition, SimRoute.ListByIds, SimRoute.Queue, SimRoute.Cancel, SimRoute.ImageSeed,
        SimRoute.Query, SimRoute.AccountAdmin,
    };

    public override SimulatorFlavor Flavor => SimulatorFlavor.Plus;
    public override IReadOnlySet<SimRoute> Routes => RouteSet;
    public override PrefixRule Prefixes => PrefixRule.SpeedPrefixes;
}
