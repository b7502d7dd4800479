namespace Midjourney.Simulator.Flavors;

/// <summary>Which path prefixes in front of <c>/mj/...</c> a flavour accepts.</summary>
internal enum PrefixRule
{
    /// <summary>Only plain <c>/mj/...</c>.</summary>
    None,

    /// <summary><c>/mj-fast</c>, <c>/mj-turbo</c>, <c>/mj-relax</c> (TA, PLUS).</summary>
    SpeedPrefixes,

    /// <summary>Any single <c>/{mode}</c> segment (new-api gateways); fast/turbo/relax inside it pick the mode.</summary>
    AnySegment,
}
