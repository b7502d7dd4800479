using System.Collections.Generic;

namespace Midjourney.Simulator.Flavors;

/// <summary>novicezk/midjourney-proxy 2.6.3: no buttons, no action/modal, data URLs required.</summary>
internal sealed class NoviceZkProfile : FlavorProfile
{
    private static readonly HashSet<SimRoute> RouteSet = new()
    {
        SimRoute.Imagine, SimRoute.Change, SimRoute.SimpleChange, SimRoute.Blend, SimRoute.Describe,
        SimRoute.Fetch, SimRoute.List, SimRoute.ListByCondition, SimRoute.Queue, SimRoute.AccountList,
    };

    public override SimulatorFlavor Flavor => SimulatorFlavor.NoviceZk;
    public override IReadOnlySet<SimRoute> Routes => RouteSet;
    public override bool RequiresDataUrl => true;
    public override TaskJsonStyle JsonStyle => new(Buttons: false, TrueAiExtras: false, GatewayShape: false);
}
