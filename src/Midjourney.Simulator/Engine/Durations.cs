using System;
using Midjourney.Simulator.Domain;

namespace Midjourney.Simulator.Engine;

/// <summary>Unscaled base durations (milliseconds) of the simulated Midjourney jobs; each gets ±20% seeded jitter.</summary>
internal static class Durations
{
    /// <summary>Time in SUBMITTED ("0%") before MJ starts rendering.</summary>
    public const double SubmitPhaseMs = 1_000;

    /// <summary>Rendering time of a grid job by speed mode: turbo &lt; fast &lt; relax.</summary>
    public static double RunMs(string action, SpeedMode mode)
    {
        double grid = mode switch { SpeedMode.Turbo => 12_000, SpeedMode.Fast => 30_000, _ => 60_000 };
        return action switch
        {
            TaskActions.Upscale => grid * 0.25,
            TaskActions.UpscaleHd => grid * 0.5,
            TaskActions.Describe or TaskActions.Shorten => 4_000,
            TaskActions.Video => grid * 2,
            _ => grid,
        };
    }

    /// <summary>Applies the time scale; never shorter than 1 ms so phases stay ordered.</summary>
    public static long Scale(double ms, double timeScale) => Math.Max(1, (long)Math.Round(ms * timeScale));
}
