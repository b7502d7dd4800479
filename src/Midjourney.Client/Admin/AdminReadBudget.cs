using System.Collections.Generic;
using System.Text.Json;

namespace Midjourney.Client;

/// <summary>
/// What one admin read (a list over all its pages, or one account) may take in: <see cref="MjLimits.MaxAdminItems"/>
/// items and <see cref="MjLimits.MaxAdminValues"/> JSON values. A page is measured before anything is built from it
/// (array lengths are free, values are counted in one walk that stops at the limit), and counted only once it was used,
/// so a page read again after a cut answer is not counted twice.
/// </summary>
internal sealed class AdminReadBudget
{
    private readonly string _what;
    private int _items;
    private long _values;

    /// <summary>A budget for a read of <paramref name="what"/> ("accounts", "users", "banned-word lists").</summary>
    public AdminReadBudget(string what) => _what = what;

    /// <summary>
    /// Throws <see cref="OverLimitException"/> when <paramref name="items"/>, on top of what was taken before, go over a
    /// limit; returns the values they hold, for <see cref="Take"/>.
    /// </summary>
    public long Check(IReadOnlyList<JsonElement> items)
    {
        if ((long)_items + items.Count > MjLimits.MaxAdminItems)
        {
            throw new OverLimitException(_what, (long)_items + items.Count, nameof(MjLimits.MaxAdminItems), MjLimits.MaxAdminItems);
        }

        var room = MjLimits.MaxAdminValues - _values;
        long values = 0;
        foreach (var item in items)
        {
            values += Count(item, room - values + 1);
            if (values > room)
            {
                throw new OverLimitException($"JSON values in {_what}", _values + values, nameof(MjLimits.MaxAdminValues), MjLimits.MaxAdminValues);
            }
        }

        return values;
    }

    /// <summary>Counts a page that was used.</summary>
    public void Take(int items, long values)
    {
        _items += items;
        _values += values;
    }

    /// <summary>The values of <paramref name="element"/> (itself and every nested one), counting no further than <paramref name="stop"/>.</summary>
    private static long Count(JsonElement element, long stop)
    {
        long count = 1;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    count += Count(property.Value, stop - count);
                    if (count >= stop)
                    {
                        return count;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    count += Count(item, stop - count);
                    if (count >= stop)
                    {
                        return count;
                    }
                }

                break;
        }

        return count;
    }
}
