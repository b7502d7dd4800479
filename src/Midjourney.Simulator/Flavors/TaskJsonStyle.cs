namespace Midjourney.Simulator.Flavors;

/// <summary>How a flavour serialises the MJ task object.</summary>
/// <param name="Buttons">PLUS/TA/NA include <c>buttons</c>; NZ does not.</param>
/// <param name="TrueAiExtras">TA's extra entity fields: <c>imageUrls</c>, <c>mode</c>, <c>parentId</c>, <c>jobId</c>, …</param>
/// <param name="GatewayShape">new-api: times 0 when unset, FAILURE progress "100%", properties reduced to finalPrompt.</param>
internal sealed record TaskJsonStyle(bool Buttons, bool TrueAiExtras, bool GatewayShape);
