using System;
using System.Collections.Generic;

namespace Midjourney.Client;

/// <summary>
/// The U1–U4, 🔄, V1–V4 buttons this client makes up for grid tasks of servers that send none
/// (novicezk, <c>TASK_STATUS_*</c> gateways, reference §5.1). Their customIds (<c>change:UPSCALE:n</c>, ...)
/// are never sent to a server: a click becomes a <see cref="ChangeIntent"/>.
/// </summary>
internal static class SyntheticButtons
{
    // Grid actions whose results show U/V/🔄 (reference §3.2), compared ignoring case.
    private static readonly string[] GridActions = { "IMAGINE", "VARIATION", "REROLL", "BLEND", "PAN", "ZOOM" };

    // Tolerance for gateway task types that were not mapped to the names above (e.g. "TEXT_TO_IMAGE").
    private static readonly string[] GridActionParts = { "TEXT_TO_IMAGE", "IMAGINE", "VARIATION", "REROLL" };

    /// <summary>The nine grid buttons of a task, in Discord's order: U1..U4, 🔄, V1..V4.</summary>
    public static IReadOnlyList<MjButton> For(string taskId)
    {
        if (taskId is null)
        {
            throw new ArgumentNullException(nameof(taskId));
        }

        var buttons = new MjButton[9];
        for (var n = 1; n <= 4; n++)
        {
            buttons[n - 1] = new MjButton(taskId, "change:UPSCALE:" + n, label: "U" + n, isSynthetic: true);
            buttons[n + 4] = new MjButton(taskId, "change:VARIATION:" + n, label: "V" + n, isSynthetic: true);
        }

        buttons[4] = new MjButton(taskId, "change:REROLL:0", label: string.Empty, emoji: "🔄", isSynthetic: true);
        return buttons;
    }

    /// <summary>True when the task is a successful grid that came without buttons, so it should get synthetic ones.</summary>
    public static bool AppliesTo(MjTask task)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        return task.Status == MjTaskStatus.Success && task.Buttons.Count == 0 && IsGridAction(task.Action);
    }

    private static bool IsGridAction(string? action)
    {
        if (action is null)
        {
            return false;
        }

        foreach (var grid in GridActions)
        {
            if (string.Equals(action, grid, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var part in GridActionParts)
        {
            if (action.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
