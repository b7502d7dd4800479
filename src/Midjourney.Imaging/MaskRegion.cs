using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Midjourney.Imaging;

/// <summary>The shape of a mask region.</summary>
internal enum MaskShape
{
    /// <summary>A rectangle.</summary>
    Rectangle,

    /// <summary>The ellipse inside the rectangle.</summary>
    Ellipse,
}

/// <summary>One length of a region: pixels, or percent of the image's width or height.</summary>
internal readonly struct MaskLength
{
    /// <summary>Creates a length.</summary>
    public MaskLength(double value, bool isPercent)
    {
        Value = value;
        IsPercent = isPercent;
    }

    /// <summary>The number.</summary>
    public double Value { get; }

    /// <summary>True for percent, false for pixels.</summary>
    public bool IsPercent { get; }

    /// <summary>The length in pixels for an image side of <paramref name="side"/> pixels.</summary>
    public double ToPixels(int side) => IsPercent ? Value * side / 100.0 : Value;

    /// <summary>Parses <c>25%</c>, <c>120</c> or <c>120px</c>.</summary>
    public static MaskLength Parse(string text, string name)
    {
        var t = (text ?? string.Empty).Trim();
        var percent = t.EndsWith("%", StringComparison.Ordinal);
        if (percent)
        {
            t = t.Substring(0, t.Length - 1).Trim();
        }
        else if (t.EndsWith("px", StringComparison.OrdinalIgnoreCase))
        {
            t = t.Substring(0, t.Length - 2).Trim();
        }

        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ImageFailure($"The region's {name} '{text}' is not a number: give pixels (120) or percent (25%).");
        }

        return new MaskLength(value, percent);
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + (IsPercent ? "%" : string.Empty);
}

/// <summary>
/// One area to repaint in a Vary (Region) mask: x, y, width, height in pixels or percent of the image, and a shape.
/// Parsed from <c>'25%,25%,50%,50%'</c> (optionally <c>'ellipse:…'</c>) or from a dictionary
/// (<c>@{X=…; Y=…; Width=…; Height=…; Shape='Ellipse'}</c>).
/// </summary>
internal sealed class MaskRegion
{
    // A region may overshoot the image by this much: percentages that add up to 100.1% are rounding, not a mistake.
    private const double RoundingPixels = 1.0;

    /// <summary>Creates a region.</summary>
    public MaskRegion(MaskLength x, MaskLength y, MaskLength width, MaskLength height, MaskShape shape = MaskShape.Rectangle)
    {
        X = x;
        Y = y;
        Width = width;
        Height = height;
        Shape = shape;
    }

    /// <summary>The left edge.</summary>
    public MaskLength X { get; }

    /// <summary>The top edge.</summary>
    public MaskLength Y { get; }

    /// <summary>The width.</summary>
    public MaskLength Width { get; }

    /// <summary>The height.</summary>
    public MaskLength Height { get; }

    /// <summary>Rectangle or ellipse.</summary>
    public MaskShape Shape { get; }

    /// <summary>Parses <c>'x,y,width,height'</c>, each in pixels or percent, optionally prefixed <c>ellipse:</c> or <c>rect:</c>.</summary>
    public static MaskRegion Parse(string text)
    {
        var body = (text ?? string.Empty).Trim();
        var shape = MaskShape.Rectangle;
        var colon = body.IndexOf(':');
        if (colon > 0)
        {
            shape = ParseShape(body.Substring(0, colon));
            body = body.Substring(colon + 1);
        }

        var parts = body.Split(',');
        if (parts.Length != 4)
        {
            throw new ImageFailure($"The region '{text}' needs four values 'x,y,width,height' in pixels or percent, like '25%,25%,50%,50%' or 'ellipse:100,80,200,150'.");
        }

        return new MaskRegion(
            MaskLength.Parse(parts[0], "x"), MaskLength.Parse(parts[1], "y"),
            MaskLength.Parse(parts[2], "width"), MaskLength.Parse(parts[3], "height"), shape).Checked(text!);
    }

    /// <summary>Reads a dictionary with X, Y, Width, Height (numbers or '25%') and an optional Shape.</summary>
    public static MaskRegion FromDictionary(IDictionary values)
    {
        object? Get(string key) => values.Keys.Cast<object>().Where(k => string.Equals(k?.ToString(), key, StringComparison.OrdinalIgnoreCase)).Select(k => values[k]).FirstOrDefault();
        MaskLength Length(string key)
        {
            var value = Get(key) ?? throw new ImageFailure($"The region is missing '{key}': give X, Y, Width and Height (pixels, or percent like '25%').");
            return value is string s ? MaskLength.Parse(s, key) : new MaskLength(Convert.ToDouble(value, CultureInfo.InvariantCulture), false);
        }

        var shapeValue = Get("Shape")?.ToString();
        var shape = string.IsNullOrWhiteSpace(shapeValue) ? MaskShape.Rectangle : ParseShape(shapeValue!);
        return new MaskRegion(Length("X"), Length("Y"), Length("Width"), Length("Height"), shape).Checked("@{...}");
    }

    /// <summary>The region in pixels of a <paramref name="imageWidth"/>×<paramref name="imageHeight"/> image.</summary>
    public (double X, double Y, double Width, double Height) ToPixels(int imageWidth, int imageHeight) =>
        (X.ToPixels(imageWidth), Y.ToPixels(imageHeight), Width.ToPixels(imageWidth), Height.ToPixels(imageHeight));

    /// <inheritdoc />
    public override string ToString() => $"{(Shape == MaskShape.Ellipse ? "ellipse:" : string.Empty)}{X},{Y},{Width},{Height}";

    /// <summary>
    /// Refuses a region that starts outside a <paramref name="imageWidth"/>×<paramref name="imageHeight"/> image or
    /// reaches past its edge (by more than a pixel of rounding). Clipping it instead would repaint, and charge for, an
    /// area the user did not write; the likeliest cause is two corners written where x, y, width and height belong, so
    /// the message shows both readings.
    /// </summary>
    public void CheckInside(int imageWidth, int imageHeight)
    {
        var (x, y, w, h) = ToPixels(imageWidth, imageHeight);
        if (x >= imageWidth || y >= imageHeight)
        {
            throw new ImageFailure($"The region '{this}' lies outside the {imageWidth}x{imageHeight} image: x must be below {imageWidth} pixels (100%) and y below {imageHeight}.");
        }

        var pastRight = x + w > imageWidth + RoundingPixels;
        var pastBottom = y + h > imageHeight + RoundingPixels;
        if (!pastRight && !pastBottom)
        {
            return;
        }

        var where = new List<string>();
        if (pastRight)
        {
            where.Add(Reach("x + width", x + w, Width.IsPercent, imageWidth, "width"));
        }

        if (pastBottom)
        {
            where.Add(Reach("y + height", y + h, Height.IsPercent, imageHeight, "height"));
        }

        var message = $"The region '{this}' reaches past the edge of the {imageWidth}x{imageHeight} image: {string.Join("; ", where)}. " +
            "The four values are x, y, width and height, not two corners.";

        var clipped = new MaskRegion(
            X, Y,
            pastRight ? Length(imageWidth - x, Width.IsPercent, imageWidth) : Width,
            pastBottom ? Length(imageHeight - y, Height.IsPercent, imageHeight) : Height,
            Shape);
        var upToEdge = $"repaint up to the edge, write '{clipped}'.";

        // Read as corners (x, y) to (width, height), when that fits the image.
        double right = Width.ToPixels(imageWidth), bottom = Height.ToPixels(imageHeight);
        if (right > x && bottom > y && right <= imageWidth + RoundingPixels && bottom <= imageHeight + RoundingPixels)
        {
            var corners = new MaskRegion(X, Y, Length(right - x, Width.IsPercent, imageWidth), Length(bottom - y, Height.IsPercent, imageHeight), Shape);
            throw new ImageFailure(message + $" To repaint from ({X}, {Y}) to ({Width}, {Height}), write '{corners}'; to {upToEdge}");
        }

        throw new ImageFailure(message + " To " + upToEdge);
    }

    /// <summary>How far a side reaches, in the length's unit: "x + width = 115% of its width".</summary>
    private static string Reach(string sum, double endPixels, bool percent, int side, string dimension) => percent
        ? $"{sum} = {Number(endPixels * 100.0 / side)}% of its {dimension}"
        : $"{sum} = {Number(endPixels)} pixels, more than its {dimension} of {side}";

    /// <summary>A length of <paramref name="pixels"/>, written in percent of <paramref name="side"/> or in pixels.</summary>
    private static MaskLength Length(double pixels, bool percent, int side) =>
        new(Math.Round(percent ? pixels * 100.0 / side : pixels, 2), percent);

    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static MaskShape ParseShape(string text)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "rect":
            case "rectangle":
                return MaskShape.Rectangle;
            case "ellipse":
            case "circle":
            case "oval":
                return MaskShape.Ellipse;
            default:
                throw new ImageFailure($"The region shape '{text}' is unknown: use Rectangle or Ellipse.");
        }
    }

    private MaskRegion Checked(string text)
    {
        if (Width.Value <= 0 || Height.Value <= 0)
        {
            throw new ImageFailure($"The region '{text}' has no area: width and height must be above 0.");
        }

        if (X.Value < 0 || Y.Value < 0)
        {
            throw new ImageFailure($"The region '{text}' starts outside the image: x and y must be 0 or more.");
        }

        return this;
    }
}
