using System.Text.Json;

namespace Midjourney.Client;

/// <summary>
/// What one admin read (a list over all its pages, or one account) may take in: <see cref="MjLimits.MaxAdminItems"/>
/// items and <see cref="MjLimits.MaxAdminValues"/> JSON values. A page is measured before anything is built from it
/// (its values counted by a reader before it is parsed, its items by the array's length after), and counted only once
/// it was used, so a page read again after a cut answer is not counted twice.
/// </summary>
internal sealed class AdminReadBudget
{
    private readonly string _what;
    private int _items;
    private long _values;

    /// <summary>A budget for a read of <paramref name="what"/> ("accounts", "users", "banned-word lists").</summary>
    public AdminReadBudget(string what) => _what = what;

    /// <summary>
    /// Throws <see cref="OverLimitException"/> when the items of <paramref name="array"/> (a JSON array, or one item),
    /// on top of what was taken before, go over a limit; returns how many items and values they are, for <see cref="Take"/>.
    /// </summary>
    public (int Items, long Values) Check(JsonElement array)
    {
        var items = array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() : array.ValueKind == JsonValueKind.Undefined ? 0 : 1;
        if ((long)_items + items > MjLimits.MaxAdminItems)
        {
            throw new OverLimitException(_what, (long)_items + items, nameof(MjLimits.MaxAdminItems), MjLimits.MaxAdminItems);
        }

        var values = items == 0 ? 0 : Count(array);
        if (_values + values > MjLimits.MaxAdminValues)
        {
            throw new OverLimitException($"JSON values in {_what}", _values + values, nameof(MjLimits.MaxAdminValues), MjLimits.MaxAdminValues);
        }

        return (items, values);
    }

    /// <summary>
    /// Throws <see cref="OverLimitException"/> when <paramref name="body"/> holds more JSON values than are left, counted
    /// by a reader that builds nothing, so that an answer of millions of tiny values is refused before a document of
    /// it is parsed (which would cost several times the body). A body that is not JSON is left to the parser to say so.
    /// </summary>
    public void Precheck(byte[] body)
    {
        var room = MjLimits.MaxAdminValues - _values;
        var reader = new Utf8JsonReader(body);
        long values = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray))
                {
                    values++;
                }
            }
        }
        catch (JsonException)
        {
            return; // not JSON (or cut): the parser that follows says so
        }

        if (values > room)
        {
            throw new OverLimitException($"JSON values in {_what}", _values + values, nameof(MjLimits.MaxAdminValues), MjLimits.MaxAdminValues);
        }
    }

    /// <summary>Counts a page that was used (what <see cref="Check"/> returned).</summary>
    public void Take(int items, long values)
    {
        _items += items;
        _values += values;
    }

    /// <summary>The values of <paramref name="element"/>: itself and every nested one (a page <see cref="Precheck"/> let through has at most the limit).</summary>
    private static long Count(JsonElement element)
    {
        long count = 1;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    count += Count(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    count += Count(item);
                }

                break;
        }

        return count;
    }
}
