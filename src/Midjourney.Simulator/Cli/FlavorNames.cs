using System;

namespace Midjourney.Simulator.Cli;

/// <summary>CLI names of the flavours: trueai, plus, novicezk, gateway, taskapi.</summary>
internal static class FlavorNames
{
    public static string Of(SimulatorFlavor flavor) => flavor switch
    {
        SimulatorFlavor.TrueAi => "trueai",
        SimulatorFlavor.Plus => "plus",
        SimulatorFlavor.NoviceZk => "novicezk",
        SimulatorFlavor.Gateway => "gateway",
        SimulatorFlavor.TaskApi => "taskapi",
        _ => throw new ArgumentOutOfRangeException(nameof(flavor)),
    };

    public static bool TryParse(string name, out SimulatorFlavor flavor)
    {
        foreach (SimulatorFlavor candidate in Enum.GetValues<SimulatorFlavor>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                flavor = candidate;
                return true;
            }
        }

        flavor = default;
        return false;
    }
}
