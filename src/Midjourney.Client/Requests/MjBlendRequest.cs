using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.Client;

/// <summary>Blend 2–5 images into one grid (<c>POST /mj/submit/blend</c>).</summary>
public sealed class MjBlendRequest : MjSubmitRequest
{
    /// <summary>Creates the request.</summary>
    public MjBlendRequest(IEnumerable<string> images) => Images = images?.ToList() ?? throw new ArgumentNullException(nameof(images));

    /// <summary>2 to 5 images as data URLs.</summary>
    public IList<string> Images { get; set; }

    /// <summary>The result's aspect.</summary>
    public BlendDimensions Dimensions { get; set; }

    /// <summary>Which bot renders it.</summary>
    public BotType BotType { get; set; }
}
